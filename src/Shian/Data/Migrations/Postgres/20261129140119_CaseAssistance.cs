using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseAssistance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "case_decided_on",
                table: "sampling_dispositions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "case_number",
                table: "sampling_dispositions",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "case_opened",
                table: "sampling_dispositions",
                type: "boolean",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "enforcement_assistance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    case_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    addressee = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    subject_business_id = table.Column<Guid>(type: "uuid", nullable: true),
                    side = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    matters = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    requested_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    requested_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    requested_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    due_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    extended_from = table.Column<DateOnly>(type: "date", nullable: true),
                    extension_reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    answered_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    answered_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    answered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    clue_id = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enforcement_assistance", x => x.id);
                    table.ForeignKey(
                        name: "fk_enforcement_assistance_enforcement_case_case_id",
                        column: x => x.case_id,
                        principalTable: "enforcement_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_assistance_case_id",
                table: "enforcement_assistance",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_assistance_case_region_code_requested_on",
                table: "enforcement_assistance",
                columns: new[] { "case_region_code", "requested_on" });

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_assistance_region_code_status_due_on",
                table: "enforcement_assistance",
                columns: new[] { "region_code", "status", "due_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enforcement_assistance");

            migrationBuilder.DropColumn(
                name: "case_decided_on",
                table: "sampling_dispositions");

            migrationBuilder.DropColumn(
                name: "case_number",
                table: "sampling_dispositions");

            migrationBuilder.DropColumn(
                name: "case_opened",
                table: "sampling_dispositions");
        }
    }
}
