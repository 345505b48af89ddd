using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Postgres
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    uscc = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: true),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    legal_representative = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    responsible_person = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    responsible_person_id = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    floor_area = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    employees = table.Column<int>(type: "integer", nullable: true),
                    serves_special_population = table.Column<bool>(type: "boolean", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    import_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_businesses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_imports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    total = table.Column<int>(type: "integer", nullable: false),
                    processed = table.Column<int>(type: "integer", nullable: false),
                    imported = table.Column<int>(type: "integer", nullable: false),
                    error_count = table.Column<int>(type: "integer", nullable: false),
                    errors_json = table.Column<string>(type: "text", nullable: true),
                    message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_by_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    finished_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    scope_unrestricted = table.Column<bool>(type: "boolean", nullable: false),
                    scope_prefixes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_licences",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    business_uscc = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: true),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    issuer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    scope = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    supersedes_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
