using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Risk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "risk_grades",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    scheme_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    scheme_version = table.Column<int>(type: "integer", nullable: false),
                    static_score = table.Column<int>(type: "integer", nullable: false),
                    dynamic_score = table.Column<int>(type: "integer", nullable: false),
                    total = table.Column<int>(type: "integer", nullable: false),
                    grade = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    inspections_per_year_min = table.Column<int>(type: "integer", nullable: false),
                    inspections_per_year_max = table.Column<int>(type: "integer", nullable: false),
                    factors_json = table.Column<string>(type: "text", nullable: false),
                    computed_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    current = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_grades", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "risk_schemes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    province = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    definition_json = table.Column<string>(type: "text", nullable: false),
                    basis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_schemes", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_risk_grades_business_id_current",
                table: "risk_grades",
                columns: new[] { "business_id", "current" });

            migrationBuilder.CreateIndex(
                name: "ix_risk_grades_region_code_current_grade",
                table: "risk_grades",
                columns: new[] { "region_code", "current", "grade" });

            migrationBuilder.CreateIndex(
                name: "ix_risk_schemes_code_version",
                table: "risk_schemes",
                columns: new[] { "code", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "risk_grades");

            migrationBuilder.DropTable(
                name: "risk_schemes");
        }
    }
}
