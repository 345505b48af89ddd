using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Postgres
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
                    gram = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false)
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

            // The registered names' pieces, as Registry/Rules/NameGrams makes them: code points, ASCII letters folded.
            migrationBuilder.Sql("""
                INSERT INTO registry_name_grams (gram, business_id)
                SELECT DISTINCT translate(substr(b.name, i, 2), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), b.id
                FROM registry_businesses b, generate_series(1, char_length(b.name) - 1) AS i
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
