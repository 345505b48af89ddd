using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LawSamplingJudgement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "prepackaged",
                table: "sampling_samples",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "judged_on",
                table: "sampling_results",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "significant_digits",
                table: "sampling_results",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "values",
                table: "sampling_results",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "comparison",
                table: "sampling_limits",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<decimal>(
                name: "decision_value",
                table: "sampling_limits",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "plan_c",
                table: "sampling_limits",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "plan_n",
                table: "sampling_limits",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "upper_limit",
                table: "sampling_limits",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "sampling_category_placements",
                columns: table => new
                {
                    standard = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    category_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    parent_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sampling_category_placements", x => new { x.standard, x.category_code });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sampling_category_placements");

            migrationBuilder.DropColumn(
                name: "prepackaged",
                table: "sampling_samples");

            migrationBuilder.DropColumn(
                name: "judged_on",
                table: "sampling_results");

            migrationBuilder.DropColumn(
                name: "significant_digits",
                table: "sampling_results");

            migrationBuilder.DropColumn(
                name: "values",
                table: "sampling_results");

            migrationBuilder.DropColumn(
                name: "comparison",
                table: "sampling_limits");

            migrationBuilder.DropColumn(
                name: "decision_value",
                table: "sampling_limits");

            migrationBuilder.DropColumn(
                name: "plan_c",
                table: "sampling_limits");

            migrationBuilder.DropColumn(
                name: "plan_n",
                table: "sampling_limits");

            migrationBuilder.DropColumn(
                name: "upper_limit",
                table: "sampling_limits");
        }
    }
}
