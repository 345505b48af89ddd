using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Preparedness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "emergency_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    lineage_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    version = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    document_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    approved_on = table.Column<DateOnly>(type: "date", nullable: false),
                    review_due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    attachment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    superseded_on = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recorded_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emergency_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "emergency_preparedness_activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    form = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    participants = table.Column<int>(type: "integer", nullable: false),
                    departments = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    lessons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    plan_lineage_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recorded_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emergency_preparedness_activities", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_emergency_plans_lineage_id",
                table: "emergency_plans",
                column: "lineage_id");

            migrationBuilder.CreateIndex(
                name: "ix_emergency_plans_region_code_kind_superseded_on",
                table: "emergency_plans",
                columns: new[] { "region_code", "kind", "superseded_on" });

            migrationBuilder.CreateIndex(
                name: "ix_emergency_preparedness_activities_region_code_kind_held_on",
                table: "emergency_preparedness_activities",
                columns: new[] { "region_code", "kind", "held_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "emergency_plans");

            migrationBuilder.DropTable(
                name: "emergency_preparedness_activities");
        }
    }
}
