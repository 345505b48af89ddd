using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Emergencies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "emergency_incidents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    setting = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    business_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    suspected_food = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    symptoms = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    onset_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    learned_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    received_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    reported_late = table.Column<bool>(type: "INTEGER", nullable: false),
                    harmed = table.Column<int>(type: "INTEGER", nullable: false),
                    hospitalised = table.Column<int>(type: "INTEGER", nullable: false),
                    deaths = table.Column<int>(type: "INTEGER", nullable: false),
                    provinces = table.Column<int>(type: "INTEGER", nullable: false),
                    cities = table.Column<int>(type: "INTEGER", nullable: false),
                    towns = table.Column<int>(type: "INTEGER", nullable: false),
                    special_population = table.Column<bool>(type: "INTEGER", nullable: false),
                    grade = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    grade_determined_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    graded_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    reported_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    reporter_unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    reporter_phone = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    reporting_point_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    ended_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    conclusion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emergency_incidents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "emergency_reporting_points",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emergency_reporting_points", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "emergency_incident_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    incident_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    author = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emergency_incident_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_emergency_incident_entries_emergency_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "emergency_incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "emergency_incident_photos",
                columns: table => new
                {
                    incident_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    attachment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emergency_incident_photos", x => new { x.incident_id, x.attachment_id });
                    table.ForeignKey(
                        name: "fk_emergency_incident_photos_emergency_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "emergency_incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "emergency_incident_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    incident_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    department = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    due_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    assigned_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    assigned_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    done_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    done_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    done_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emergency_incident_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_emergency_incident_tasks_emergency_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "emergency_incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "emergency_upward_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    incident_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    due_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    due_provisional = table.Column<bool>(type: "INTEGER", nullable: false),
                    submitted_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    submitted_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    recipients = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    cancelled = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emergency_upward_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_emergency_upward_reports_emergency_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "emergency_incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "emergency_point_reporters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    point_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    phone = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    added_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    removed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emergency_point_reporters", x => x.id);
                    table.ForeignKey(
                        name: "fk_emergency_point_reporters_reporting_point_point_id",
                        column: x => x.point_id,
                        principalTable: "emergency_reporting_points",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_emergency_incident_entries_incident_id_at_utc",
                table: "emergency_incident_entries",
                columns: new[] { "incident_id", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_emergency_incident_tasks_incident_id",
                table: "emergency_incident_tasks",
                column: "incident_id");

            migrationBuilder.CreateIndex(
                name: "ix_emergency_incidents_business_id",
                table: "emergency_incidents",
                column: "business_id");

            migrationBuilder.CreateIndex(
                name: "ix_emergency_incidents_region_code_status_received_at_utc",
                table: "emergency_incidents",
                columns: new[] { "region_code", "status", "received_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_emergency_point_reporters_point_id_user_name",
                table: "emergency_point_reporters",
                columns: new[] { "point_id", "user_name" });

            migrationBuilder.CreateIndex(
                name: "ix_emergency_point_reporters_user_name",
                table: "emergency_point_reporters",
                column: "user_name");

            migrationBuilder.CreateIndex(
                name: "ix_emergency_reporting_points_business_id",
                table: "emergency_reporting_points",
                column: "business_id");

            migrationBuilder.CreateIndex(
                name: "ix_emergency_reporting_points_region_code_kind",
                table: "emergency_reporting_points",
                columns: new[] { "region_code", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_emergency_upward_reports_incident_id_kind_sequence",
                table: "emergency_upward_reports",
                columns: new[] { "incident_id", "kind", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_emergency_upward_reports_region_code_submitted_at_utc_due_at_utc",
                table: "emergency_upward_reports",
                columns: new[] { "region_code", "submitted_at_utc", "due_at_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "emergency_incident_entries");

            migrationBuilder.DropTable(
                name: "emergency_incident_photos");

            migrationBuilder.DropTable(
                name: "emergency_incident_tasks");

            migrationBuilder.DropTable(
                name: "emergency_point_reporters");

            migrationBuilder.DropTable(
                name: "emergency_upward_reports");

            migrationBuilder.DropTable(
                name: "emergency_reporting_points");

            migrationBuilder.DropTable(
                name: "emergency_incidents");
        }
    }
}
