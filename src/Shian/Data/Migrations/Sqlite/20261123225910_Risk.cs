using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    scheme_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    scheme_version = table.Column<int>(type: "INTEGER", nullable: false),
                    static_score = table.Column<int>(type: "INTEGER", nullable: false),
                    dynamic_score = table.Column<int>(type: "INTEGER", nullable: false),
                    total = table.Column<int>(type: "INTEGER", nullable: false),
                    grade = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    inspections_per_year_min = table.Column<int>(type: "INTEGER", nullable: false),
                    inspections_per_year_max = table.Column<int>(type: "INTEGER", nullable: false),
                    factors_json = table.Column<string>(type: "TEXT", nullable: false),
                    computed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    current = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_grades", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "risk_schemes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    province = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 2, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    definition_json = table.Column<string>(type: "TEXT", nullable: false),
                    basis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
