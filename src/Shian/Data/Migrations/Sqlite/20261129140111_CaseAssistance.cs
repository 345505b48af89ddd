using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "case_number",
                table: "sampling_dispositions",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "case_opened",
                table: "sampling_dispositions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "enforcement_assistance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    addressee = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    subject_business_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    side = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    matters = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    requested_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    requested_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    requested_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    due_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    extended_from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    extension_reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    answered_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    answered_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    answered_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    clue_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
