using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Postgres
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
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "indicator_key",
                table: "governance_targets",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "indicator_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    indicator_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    indicator_version = table.Column<int>(type: "integer", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    numerator = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    denominator = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    evidence = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    attachment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    entered_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    entered_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
