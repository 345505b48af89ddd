using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registry_businesses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    uscc = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 18, nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    legal_representative = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    responsible_person = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    responsible_person_id = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    floor_area = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    employees = table.Column<int>(type: "INTEGER", nullable: true),
                    serves_special_population = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    import_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_businesses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_imports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    total = table.Column<int>(type: "INTEGER", nullable: false),
                    processed = table.Column<int>(type: "INTEGER", nullable: false),
                    imported = table.Column<int>(type: "INTEGER", nullable: false),
                    error_count = table.Column<int>(type: "INTEGER", nullable: false),
                    errors_json = table.Column<string>(type: "TEXT", nullable: true),
                    message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    created_by_id = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    finished_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    scope_unrestricted = table.Column<bool>(type: "INTEGER", nullable: false),
                    scope_prefixes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_licences",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    business_uscc = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 18, nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    issuer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    issued_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    scope = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    supersedes_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_licences", x => x.id);
                    table.ForeignKey(
                        name: "fk_registry_licences_registry_businesses_business_id",
                        column: x => x.business_id,
                        principalTable: "registry_businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_registry_businesses_name",
                table: "registry_businesses",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_registry_businesses_region_code_kind",
                table: "registry_businesses",
                columns: new[] { "region_code", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_businesses_uscc",
                table: "registry_businesses",
                column: "uscc",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_imports_created_by_created_at_utc",
                table: "registry_imports",
                columns: new[] { "created_by", "created_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_licences_business_id",
                table: "registry_licences",
                column: "business_id");

            migrationBuilder.CreateIndex(
                name: "ix_registry_licences_kind_number",
                table: "registry_licences",
                columns: new[] { "kind", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_licences_region_code_valid_to",
                table: "registry_licences",
                columns: new[] { "region_code", "valid_to" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_imports");

            migrationBuilder.DropTable(
                name: "registry_licences");

            migrationBuilder.DropTable(
                name: "registry_businesses");
        }
    }
}
