using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ZeroReportsPlaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "complaint_code",
                table: "emergency_incidents",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "complaint_id",
                table: "emergency_incidents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "incident_id",
                table: "complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "emergency_incident_places",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    incident_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    place_region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    cases = table.Column<int>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    added_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    added_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emergency_incident_places", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "emergency_zero_report_schedules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    frequency = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    due_hour = table.Column<int>(type: "INTEGER", nullable: false),
                    due_offset_days = table.Column<int>(type: "INTEGER", nullable: false),
                    working_days_only = table.Column<bool>(type: "INTEGER", nullable: false),
                    include_key_sites = table.Column<bool>(type: "INTEGER", nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    checked_through_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emergency_zero_report_schedules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "emergency_zero_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    schedule_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    point_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    period_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    submitted_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    submitted_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    on_behalf = table.Column<bool>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emergency_zero_reports", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_emergency_incidents_complaint_id",
                table: "emergency_incidents",
                column: "complaint_id");

            migrationBuilder.CreateIndex(
                name: "ix_emergency_incident_places_incident_id_kind",
                table: "emergency_incident_places",
                columns: new[] { "incident_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_emergency_zero_report_schedules_region_code_from",
                table: "emergency_zero_report_schedules",
                columns: new[] { "region_code", "from" });

            migrationBuilder.CreateIndex(
                name: "ix_emergency_zero_reports_region_code_period_start",
                table: "emergency_zero_reports",
                columns: new[] { "region_code", "period_start" });

            migrationBuilder.CreateIndex(
                name: "ix_emergency_zero_reports_schedule_id_point_id_period_start",
                table: "emergency_zero_reports",
                columns: new[] { "schedule_id", "point_id", "period_start" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "emergency_incident_places");

            migrationBuilder.DropTable(
                name: "emergency_zero_report_schedules");

            migrationBuilder.DropTable(
                name: "emergency_zero_reports");

            migrationBuilder.DropIndex(
                name: "ix_emergency_incidents_complaint_id",
                table: "emergency_incidents");

            migrationBuilder.DropColumn(
                name: "complaint_code",
                table: "emergency_incidents");

            migrationBuilder.DropColumn(
                name: "complaint_id",
                table: "emergency_incidents");

            migrationBuilder.DropColumn(
                name: "incident_id",
                table: "complaints");
        }
    }
}
