using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ChecklistVersionsAndPlanCapacity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "unplaced_businesses",
                table: "inspections_plans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "unplaced_visits",
                table: "inspections_plans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "visits_per_inspector_per_day",
                table: "inspections_plans",
                type: "numeric(6,2)",
                precision: 6,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateTable(
                name: "inspections_checklists",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    family = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    items_json = table.Column<string>(type: "text", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspections_checklists", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inspections_checklists_code",
                table: "inspections_checklists",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inspections_checklists_family_version",
                table: "inspections_checklists",
                columns: new[] { "family", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inspections_checklists");

            migrationBuilder.DropColumn(
                name: "unplaced_businesses",
                table: "inspections_plans");

            migrationBuilder.DropColumn(
                name: "unplaced_visits",
                table: "inspections_plans");

            migrationBuilder.DropColumn(
                name: "visits_per_inspector_per_day",
                table: "inspections_plans");
        }
    }
}
