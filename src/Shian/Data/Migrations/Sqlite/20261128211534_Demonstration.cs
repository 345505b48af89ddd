using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Demonstration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "demonstration_assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    preparation_ends = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    implementation_ends = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_demonstration_assessments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "demonstration_judgements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    assessment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    criterion_code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    verdict = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    evidence = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    rectification = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    rectify_by = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    judged_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    judged_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_demonstration_judgements", x => x.id);
                    table.ForeignKey(
                        name: "fk_demonstration_judgements_demonstration_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "demonstration_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "demonstration_thresholds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    assessment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    parameter_key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_demonstration_thresholds", x => x.id);
                    table.ForeignKey(
                        name: "fk_demonstration_thresholds_demonstration_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "demonstration_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_demonstration_assessments_region_code_year",
                table: "demonstration_assessments",
                columns: new[] { "region_code", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_demonstration_judgements_assessment_id_criterion_code",
                table: "demonstration_judgements",
                columns: new[] { "assessment_id", "criterion_code" });

            migrationBuilder.CreateIndex(
                name: "ix_demonstration_thresholds_assessment_id_parameter_key",
                table: "demonstration_thresholds",
                columns: new[] { "assessment_id", "parameter_key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "demonstration_judgements");

            migrationBuilder.DropTable(
                name: "demonstration_thresholds");

            migrationBuilder.DropTable(
                name: "demonstration_assessments");
        }
    }
}
