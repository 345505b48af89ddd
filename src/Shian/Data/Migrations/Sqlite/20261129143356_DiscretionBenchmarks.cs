using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DiscretionBenchmarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "benchmark",
                table: "enforcement_cases",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "enforcement_benchmarks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    article = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    lower_percent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    upper_percent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    circumstances = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    document = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    imported_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    imported_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enforcement_benchmarks", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_benchmarks_region_code_article_level",
                table: "enforcement_benchmarks",
                columns: new[] { "region_code", "article", "level" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enforcement_benchmarks");

            migrationBuilder.DropColumn(
                name: "benchmark",
                table: "enforcement_cases");
        }
    }
}
