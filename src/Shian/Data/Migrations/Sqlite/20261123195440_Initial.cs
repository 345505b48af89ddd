using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "kernel_calendar_days",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_calendar_days", x => x.date);
                });

            migrationBuilder.CreateTable(
                name: "kernel_calendar_years",
                columns: table => new
                {
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    notice = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    imported_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_calendar_years", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "kernel_regions",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    parent_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: true),
                    is_official = table.Column<bool>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_regions", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "kernel_unit_groups",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    phrase = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_unit_groups", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "kernel_units",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    short_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    is_committee_member = table.Column<bool>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_units", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "kernel_population_figures",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    population = table.Column<long>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_population_figures", x => x.id);
                    table.ForeignKey(
                        name: "fk_kernel_population_figures_kernel_regions_region_code",
                        column: x => x.region_code,
                        principalTable: "kernel_regions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "kernel_unit_aliases",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    unit_key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    alias = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    is_former_name = table.Column<bool>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    origin = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_unit_aliases", x => x.id);
                    table.ForeignKey(
                        name: "fk_kernel_unit_aliases_kernel_units_unit_key",
                        column: x => x.unit_key,
                        principalTable: "kernel_units",
                        principalColumn: "key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kernel_unit_group_members",
                columns: table => new
                {
                    group_key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    unit_key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_unit_group_members", x => new { x.group_key, x.unit_key });
                    table.ForeignKey(
                        name: "fk_kernel_unit_group_members_kernel_unit_groups_group_key",
                        column: x => x.group_key,
                        principalTable: "kernel_unit_groups",
                        principalColumn: "key",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_kernel_unit_group_members_kernel_units_unit_key",
                        column: x => x.unit_key,
                        principalTable: "kernel_units",
                        principalColumn: "key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_population_figures_region_code_year",
                table: "kernel_population_figures",
                columns: new[] { "region_code", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kernel_regions_parent_code",
                table: "kernel_regions",
                column: "parent_code");

            migrationBuilder.CreateIndex(
                name: "ix_kernel_unit_aliases_unit_key_alias",
                table: "kernel_unit_aliases",
                columns: new[] { "unit_key", "alias" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kernel_unit_group_members_unit_key",
                table: "kernel_unit_group_members",
                column: "unit_key");

            migrationBuilder.CreateIndex(
                name: "ix_kernel_units_region_code",
                table: "kernel_units",
                column: "region_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kernel_calendar_days");

            migrationBuilder.DropTable(
                name: "kernel_calendar_years");

            migrationBuilder.DropTable(
                name: "kernel_population_figures");

            migrationBuilder.DropTable(
                name: "kernel_unit_aliases");

            migrationBuilder.DropTable(
                name: "kernel_unit_group_members");

            migrationBuilder.DropTable(
                name: "kernel_regions");

            migrationBuilder.DropTable(
                name: "kernel_unit_groups");

            migrationBuilder.DropTable(
                name: "kernel_units");
        }
    }
}
