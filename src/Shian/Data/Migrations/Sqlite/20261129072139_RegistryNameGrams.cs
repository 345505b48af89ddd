using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RegistryNameGrams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registry_name_grams",
                columns: table => new
                {
                    gram = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_name_grams", x => new { x.gram, x.business_id });
                    table.ForeignKey(
                        name: "fk_registry_name_grams_registry_businesses_business_id",
                        column: x => x.business_id,
                        principalTable: "registry_businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_registry_name_grams_business_id",
                table: "registry_name_grams",
                column: "business_id");

            // The registered names' pieces, as Registry/Rules/NameGrams makes them: characters, ASCII letters folded
            // (SQLite's lower() folds ASCII only).
            migrationBuilder.Sql("""
                WITH RECURSIVE pos(id, name, i) AS (
                    SELECT id, name, 1 FROM registry_businesses WHERE length(name) >= 2
                    UNION ALL SELECT id, name, i + 1 FROM pos WHERE i + 1 < length(name))
                INSERT OR IGNORE INTO registry_name_grams (gram, business_id) SELECT lower(substr(name, i, 2)), id FROM pos
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_name_grams");
        }
    }
}
