using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Tracking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "last_reported_at_utc",
                table: "governance_assignments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "percent",
                table: "governance_assignments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "governance_assignments",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "governance_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    unit_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    percent = table.Column<int>(type: "integer", nullable: false),
                    completed = table.Column<bool>(type: "boolean", nullable: false),
                    reported_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    reported_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_reports_governance_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "governance_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_sent_reminders",
                columns: table => new
                {
                    assignment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    milestone_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    sent_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_sent_reminders", x => new { x.assignment_id, x.milestone_id, x.kind });
                });

            migrationBuilder.CreateTable(
                name: "governance_measurements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    report_id = table.Column<Guid>(type: "uuid", nullable: false),
                    target_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_measurements", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_measurements_governance_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "governance_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_governance_measurements_governance_targets_target_id",
                        column: x => x.target_id,
                        principalTable: "governance_targets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_report_evidence",
                columns: table => new
                {
                    report_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attachment_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_report_evidence", x => new { x.report_id, x.attachment_id });
                    table.ForeignKey(
                        name: "fk_governance_report_evidence_governance_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "governance_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_governance_measurements_report_id",
                table: "governance_measurements",
                column: "report_id");

            migrationBuilder.CreateIndex(
                name: "ix_governance_measurements_target_id",
                table: "governance_measurements",
                column: "target_id");

            migrationBuilder.CreateIndex(
                name: "ix_governance_reports_task_id_unit_key_reported_at_utc",
                table: "governance_reports",
                columns: new[] { "task_id", "unit_key", "reported_at_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "governance_measurements");

            migrationBuilder.DropTable(
                name: "governance_report_evidence");

            migrationBuilder.DropTable(
                name: "governance_sent_reminders");

            migrationBuilder.DropTable(
                name: "governance_reports");

            migrationBuilder.DropColumn(
                name: "last_reported_at_utc",
                table: "governance_assignments");

            migrationBuilder.DropColumn(
                name: "percent",
                table: "governance_assignments");

            migrationBuilder.DropColumn(
                name: "status",
                table: "governance_assignments");
        }
    }
}
