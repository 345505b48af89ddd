using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InspectionPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "places",
                table: "registry_businesses",
                type: "INTEGER",
                maxLength: 40,
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<Guid>(
                name: "draw_id",
                table: "inspections_visits",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<DateOnly>(
                name: "due_by",
                table: "inspections_visits",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "due_from",
                table: "inspections_visits",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "follows_record_id",
                table: "inspections_visits",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "full_checklist_due",
                table: "inspections_visits",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "plan_id",
                table: "inspections_visits",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "purpose",
                table: "inspections_visits",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "RandomDraw");

            migrationBuilder.AddColumn<Guid>(
                name: "follows_up_record_id",
                table: "inspections_records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "rectification_checked_on",
                table: "inspections_records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "rectified",
                table: "inspections_records",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "inspections_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    campaign = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    filters_json = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    businesses = table.Column<int>(type: "INTEGER", nullable: false),
                    visits = table.Column<int>(type: "INTEGER", nullable: false),
                    full_checklist_visits = table.Column<int>(type: "INTEGER", nullable: false),
                    inspector_pool_size = table.Column<int>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspections_plans", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inspections_visits_follows_record_id",
                table: "inspections_visits",
                column: "follows_record_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspections_visits_plan_id_due_from",
                table: "inspections_visits",
                columns: new[] { "plan_id", "due_from" });

            migrationBuilder.CreateIndex(
                name: "ix_inspections_plans_region_code_year",
                table: "inspections_plans",
                columns: new[] { "region_code", "year" });

            migrationBuilder.AddForeignKey(
                name: "fk_inspections_visits_inspections_plans_plan_id",
                table: "inspections_visits",
                column: "plan_id",
                principalTable: "inspections_plans",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_inspections_visits_inspections_plans_plan_id",
                table: "inspections_visits");

            migrationBuilder.DropTable(
                name: "inspections_plans");

            migrationBuilder.DropIndex(
                name: "ix_inspections_visits_follows_record_id",
                table: "inspections_visits");

            migrationBuilder.DropIndex(
                name: "ix_inspections_visits_plan_id_due_from",
                table: "inspections_visits");

            migrationBuilder.DropColumn(
                name: "places",
                table: "registry_businesses");

            migrationBuilder.DropColumn(
                name: "due_by",
                table: "inspections_visits");

            migrationBuilder.DropColumn(
                name: "due_from",
                table: "inspections_visits");

            migrationBuilder.DropColumn(
                name: "follows_record_id",
                table: "inspections_visits");

            migrationBuilder.DropColumn(
                name: "full_checklist_due",
                table: "inspections_visits");

            migrationBuilder.DropColumn(
                name: "plan_id",
                table: "inspections_visits");

            migrationBuilder.DropColumn(
                name: "purpose",
                table: "inspections_visits");

            migrationBuilder.DropColumn(
                name: "follows_up_record_id",
                table: "inspections_records");

            migrationBuilder.DropColumn(
                name: "rectification_checked_on",
                table: "inspections_records");

            migrationBuilder.DropColumn(
                name: "rectified",
                table: "inspections_records");

            migrationBuilder.AlterColumn<Guid>(
                name: "draw_id",
                table: "inspections_visits",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
