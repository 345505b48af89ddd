using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SamplingSubClocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "concluded_on",
                table: "sampling_samples",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "lab_report_by",
                table: "sampling_samples",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "backup_hand_over_by",
                table: "sampling_dispositions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "backup_handed_over_on",
                table: "sampling_dispositions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "retest_accept_by",
                table: "sampling_dispositions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "retest_accepted_on",
                table: "sampling_dispositions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "retest_concluded_on",
                table: "sampling_dispositions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "retest_conclusion_by",
                table: "sampling_dispositions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "retest_lab",
                table: "sampling_dispositions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "retest_lab_by",
                table: "sampling_dispositions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "retest_lab_chosen_on",
                table: "sampling_dispositions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "retest_lab_extended",
                table: "sampling_dispositions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "concluded_on",
                table: "sampling_samples");

            migrationBuilder.DropColumn(
                name: "lab_report_by",
                table: "sampling_samples");

            migrationBuilder.DropColumn(
                name: "backup_hand_over_by",
                table: "sampling_dispositions");

            migrationBuilder.DropColumn(
                name: "backup_handed_over_on",
                table: "sampling_dispositions");

            migrationBuilder.DropColumn(
                name: "retest_accept_by",
                table: "sampling_dispositions");

            migrationBuilder.DropColumn(
                name: "retest_accepted_on",
                table: "sampling_dispositions");

            migrationBuilder.DropColumn(
                name: "retest_concluded_on",
                table: "sampling_dispositions");

            migrationBuilder.DropColumn(
                name: "retest_conclusion_by",
                table: "sampling_dispositions");

            migrationBuilder.DropColumn(
                name: "retest_lab",
                table: "sampling_dispositions");

            migrationBuilder.DropColumn(
                name: "retest_lab_by",
                table: "sampling_dispositions");

            migrationBuilder.DropColumn(
                name: "retest_lab_chosen_on",
                table: "sampling_dispositions");

            migrationBuilder.DropColumn(
                name: "retest_lab_extended",
                table: "sampling_dispositions");
        }
    }
}
