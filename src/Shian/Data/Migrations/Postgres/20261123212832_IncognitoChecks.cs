using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IncognitoChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "governance_incognito_checks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    unit_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    unit_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    checked_on = table.Column<DateOnly>(type: "date", nullable: false),
                    place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    problems = table.Column<int>(type: "integer", nullable: false),
                    rating = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recorded_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_incognito_checks", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_governance_incognito_checks_region_code_checked_on",
                table: "governance_incognito_checks",
                columns: new[] { "region_code", "checked_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "governance_incognito_checks");
        }
    }
}
