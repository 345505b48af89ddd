using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Governance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "governance_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    issuer_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    layout = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    content_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    source_file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    source_attachment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    imported_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    imported_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "governance_sections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_sections", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_sections_governance_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "governance_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    section_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    lead_text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    units_text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    time_text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recurring = table.Column<bool>(type: "boolean", nullable: false),
                    reporting_period = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_tasks_governance_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "governance_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_governance_tasks_governance_sections_section_id",
                        column: x => x.section_id,
                        principalTable: "governance_sections",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "governance_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    unit_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    resolution = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_assignments_governance_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "governance_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_milestones",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    phrase = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    rule = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_milestones", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_milestones_plan_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "governance_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_targets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    comparator = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    period = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    deadline = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_targets", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_targets_governance_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "governance_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_unresolved_units",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_unresolved_units", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_unresolved_units_governance_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "governance_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_governance_assignments_region_code_unit_key",
                table: "governance_assignments",
                columns: new[] { "region_code", "unit_key" });

            migrationBuilder.CreateIndex(
                name: "ix_governance_assignments_task_id_unit_key_role",
                table: "governance_assignments",
                columns: new[] { "task_id", "unit_key", "role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_governance_milestones_date",
                table: "governance_milestones",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "ix_governance_milestones_task_id",
                table: "governance_milestones",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_governance_plans_region_code_content_hash",
                table: "governance_plans",
                columns: new[] { "region_code", "content_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_governance_plans_region_code_year",
                table: "governance_plans",
                columns: new[] { "region_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_governance_sections_plan_id_ordinal",
                table: "governance_sections",
                columns: new[] { "plan_id", "ordinal" });

            migrationBuilder.CreateIndex(
                name: "ix_governance_targets_task_id",
                table: "governance_targets",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_governance_tasks_plan_id_ordinal",
                table: "governance_tasks",
                columns: new[] { "plan_id", "ordinal" });

            migrationBuilder.CreateIndex(
                name: "ix_governance_tasks_section_id",
                table: "governance_tasks",
                column: "section_id");

            migrationBuilder.CreateIndex(
                name: "ix_governance_unresolved_units_task_id",
                table: "governance_unresolved_units",
                column: "task_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "governance_assignments");

            migrationBuilder.DropTable(
                name: "governance_milestones");

            migrationBuilder.DropTable(
                name: "governance_targets");

            migrationBuilder.DropTable(
                name: "governance_unresolved_units");

            migrationBuilder.DropTable(
                name: "governance_tasks");

            migrationBuilder.DropTable(
                name: "governance_sections");

            migrationBuilder.DropTable(
                name: "governance_plans");
        }
    }
}
