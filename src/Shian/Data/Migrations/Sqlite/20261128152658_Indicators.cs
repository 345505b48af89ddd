using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Indicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "indicator_confirmed_by",
                table: "governance_targets",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "indicator_key",
                table: "governance_targets",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "indicator_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    indicator_key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    indicator_version = table.Column<int>(type: "INTEGER", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    numerator = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    denominator = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    evidence = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    attachment_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    entered_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    entered_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicator_entries", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_governance_targets_indicator_key",
                table: "governance_targets",
                column: "indicator_key");

            migrationBuilder.CreateIndex(
                name: "ix_indicator_entries_year_indicator_key_region_code",
                table: "indicator_entries",
                columns: new[] { "year", "indicator_key", "region_code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "indicator_entries");

            migrationBuilder.DropIndex(
                name: "ix_governance_targets_indicator_key",
                table: "governance_targets");

            migrationBuilder.DropColumn(
                name: "indicator_confirmed_by",
                table: "governance_targets");

            migrationBuilder.DropColumn(
                name: "indicator_key",
                table: "governance_targets");
        }
    }
}
