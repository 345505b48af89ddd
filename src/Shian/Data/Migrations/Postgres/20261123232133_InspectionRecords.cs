using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InspectionRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inspections_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    visit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    inspected_on = table.Column<DateOnly>(type: "date", nullable: false),
                    checklist_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    answers_json = table.Column<string>(type: "text", nullable: false),
                    result = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    inspectors = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    photo_ids = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    signature_id = table.Column<Guid>(type: "uuid", nullable: true),
                    rectify_by = table.Column<DateOnly>(type: "date", nullable: true),
                    case_clue = table.Column<bool>(type: "boolean", nullable: false),
                    case_decision_due = table.Column<DateOnly>(type: "date", nullable: true),
                    publish_by = table.Column<DateOnly>(type: "date", nullable: false),
                    published_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recorded_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspections_records", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inspections_records_business_id_inspected_on",
                table: "inspections_records",
                columns: new[] { "business_id", "inspected_on" });

            migrationBuilder.CreateIndex(
                name: "ix_inspections_records_region_code_inspected_on",
                table: "inspections_records",
                columns: new[] { "region_code", "inspected_on" });

            migrationBuilder.CreateIndex(
                name: "ix_inspections_records_submission_id",
                table: "inspections_records",
                column: "submission_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inspections_records");
        }
    }
}
