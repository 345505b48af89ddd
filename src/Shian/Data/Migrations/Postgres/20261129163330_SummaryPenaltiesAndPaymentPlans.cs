using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SummaryPenaltiesAndPaymentPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_enforcement_cases_county_decision_year_decision_number",
                table: "enforcement_cases");

            migrationBuilder.AddColumn<bool>(
                name: "collected_on_spot",
                table: "enforcement_cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "file_by",
                table: "enforcement_cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "filed_by",
                table: "enforcement_cases",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "filed_on",
                table: "enforcement_cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "legal_basis",
                table: "enforcement_cases",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "payment_plan_id",
                table: "enforcement_cases",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "place",
                table: "enforcement_cases",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "procedure",
                table: "enforcement_cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Ordinary");

            migrationBuilder.AddColumn<string>(
                name: "receipt_number",
                table: "enforcement_cases",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "enforcement_payment_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    requested_on = table.Column<DateOnly>(type: "date", nullable: false),
                    decide_by = table.Column<DateOnly>(type: "date", nullable: false),
                    requested_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    by_party = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    opinion = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enforcement_payment_plans", x => x.id);
                    table.ForeignKey(
                        name: "fk_enforcement_payment_plans_enforcement_case_case_id",
                        column: x => x.case_id,
                        principalTable: "enforcement_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_instalments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    seq = table.Column<int>(type: "integer", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: true),
                    amount_paid = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enforcement_instalments", x => x.id);
                    table.ForeignKey(
                        name: "fk_enforcement_instalments_case_payment_plan_plan_id",
                        column: x => x.plan_id,
                        principalTable: "enforcement_payment_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_cases_county_procedure_decision_year_decision_n",
                table: "enforcement_cases",
                columns: new[] { "county", "procedure", "decision_year", "decision_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_instalments_case_id",
                table: "enforcement_instalments",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_instalments_plan_id_seq",
                table: "enforcement_instalments",
                columns: new[] { "plan_id", "seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_payment_plans_case_id",
                table: "enforcement_payment_plans",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_payment_plans_region_code_status_decide_by",
                table: "enforcement_payment_plans",
                columns: new[] { "region_code", "status", "decide_by" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enforcement_instalments");

            migrationBuilder.DropTable(
                name: "enforcement_payment_plans");

            migrationBuilder.DropIndex(
                name: "ix_enforcement_cases_county_procedure_decision_year_decision_n",
                table: "enforcement_cases");

            migrationBuilder.DropColumn(
                name: "collected_on_spot",
                table: "enforcement_cases");

            migrationBuilder.DropColumn(
                name: "file_by",
                table: "enforcement_cases");

            migrationBuilder.DropColumn(
                name: "filed_by",
                table: "enforcement_cases");

            migrationBuilder.DropColumn(
                name: "filed_on",
                table: "enforcement_cases");

            migrationBuilder.DropColumn(
                name: "legal_basis",
                table: "enforcement_cases");

            migrationBuilder.DropColumn(
                name: "payment_plan_id",
                table: "enforcement_cases");

            migrationBuilder.DropColumn(
                name: "place",
                table: "enforcement_cases");

            migrationBuilder.DropColumn(
                name: "procedure",
                table: "enforcement_cases");

            migrationBuilder.DropColumn(
                name: "receipt_number",
                table: "enforcement_cases");

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_cases_county_decision_year_decision_number",
                table: "enforcement_cases",
                columns: new[] { "county", "decision_year", "decision_number" },
                unique: true);
        }
    }
}
