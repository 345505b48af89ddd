using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SampleStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sampling_results_analyte_code",
                table: "sampling_results");

            migrationBuilder.AddColumn<DateOnly>(
                name: "sampled_on",
                table: "sampling_results",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "business_kind",
                table: "sampling_quotas",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            // Existing results take their sample's sampling date.
            migrationBuilder.Sql("UPDATE sampling_results SET sampled_on = (SELECT s.sampled_on FROM sampling_samples s WHERE s.id = sampling_results.sample_id);");

            migrationBuilder.CreateIndex(
                name: "ix_sampling_samples_region_code_category_code_business_kind_verdict_status_sampled_on",
                table: "sampling_samples",
                columns: new[] { "region_code", "category_code", "business_kind", "verdict", "status", "sampled_on" });

            migrationBuilder.CreateIndex(
                name: "ix_sampling_results_analyte_code_verdict_region_code_sampled_on_retest",
                table: "sampling_results",
                columns: new[] { "analyte_code", "verdict", "region_code", "sampled_on", "retest" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sampling_samples_region_code_category_code_business_kind_verdict_status_sampled_on",
                table: "sampling_samples");

            migrationBuilder.DropIndex(
                name: "ix_sampling_results_analyte_code_verdict_region_code_sampled_on_retest",
                table: "sampling_results");

            migrationBuilder.DropColumn(
                name: "sampled_on",
                table: "sampling_results");

            migrationBuilder.DropColumn(
                name: "business_kind",
                table: "sampling_quotas");

            migrationBuilder.CreateIndex(
                name: "ix_sampling_results_analyte_code",
                table: "sampling_results",
                column: "analyte_code");
        }
    }
}
