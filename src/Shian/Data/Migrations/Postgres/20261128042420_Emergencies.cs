using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Postgres
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    setting = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    business_id = table.Column<Guid>(type: "uuid", nullable: true),
                    business_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    suspected_food = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    symptoms = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    onset_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    learned_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    received_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    reported_late = table.Column<bool>(type: "boolean", nullable: false),
                    harmed = table.Column<int>(type: "integer", nullable: false),
                    hospitalised = table.Column<int>(type: "integer", nullable: false),
                    deaths = table.Column<int>(type: "integer", nullable: false),
                    provinces = table.Column<int>(type: "integer", nullable: false),
                    cities = table.Column<int>(type: "integer", nullable: false),
                    towns = table.Column<int>(type: "integer", nullable: false),
                    special_population = table.Column<bool>(type: "boolean", nullable: false),
                    grade = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    grade_determined_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    graded_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    reported_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    reporter_unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    reporter_phone = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    reporting_point_id = table.Column<Guid>(type: "uuid", nullable: true),
                    ended_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    conclusion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emergency_incidents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "emergency_reporting_points",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emergency_reporting_points", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "emergency_incident_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    author = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
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
                    incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attachment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    department = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    due_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    assigned_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    assigned_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    done_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    done_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    done_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    incident_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    due_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    due_provisional = table.Column<bool>(type: "boolean", nullable: false),
                    submitted_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    submitted_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    recipients = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    cancelled = table.Column<bool>(type: "boolean", nullable: false)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    point_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    display_name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    phone = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    added_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    removed_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                name: "ix_emergency_upward_reports_region_code_submitted_at_utc_due_a",
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
