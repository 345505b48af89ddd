using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Inspections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inspections_conflicts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    inspector_id = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    declared_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspections_conflicts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inspections_draws",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    percent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    filters_json = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    seed = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    algorithm = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    pool_hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    pool_size = table.Column<int>(type: "INTEGER", nullable: false),
                    drawn = table.Column<int>(type: "INTEGER", nullable: false),
                    inspector_pool_size = table.Column<int>(type: "INTEGER", nullable: false),
                    drawn_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    snapshot = table.Column<byte[]>(type: "BLOB", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    published_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspections_draws", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inspections_visits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    draw_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    business_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    inspector_ids = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    inspector_names = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    coverage_overdue = table.Column<bool>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    inspected_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspections_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_inspections_visits_inspections_draws_draw_id",
                        column: x => x.draw_id,
                        principalTable: "inspections_draws",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inspections_conflicts_inspector_id_business_id",
                table: "inspections_conflicts",
                columns: new[] { "inspector_id", "business_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inspections_draws_region_code_drawn_on",
                table: "inspections_draws",
                columns: new[] { "region_code", "drawn_on" });

            migrationBuilder.CreateIndex(
                name: "ix_inspections_visits_business_id_status",
                table: "inspections_visits",
                columns: new[] { "business_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_inspections_visits_draw_id",
                table: "inspections_visits",
                column: "draw_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inspections_conflicts");

            migrationBuilder.DropTable(
                name: "inspections_visits");

            migrationBuilder.DropTable(
                name: "inspections_draws");
        }
    }
}
