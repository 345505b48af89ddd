using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SampleObjections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "objection_decided_on",
                table: "sampling_dispositions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "objection_decision_due",
                table: "sampling_dispositions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "objection_filed_on",
                table: "sampling_dispositions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "objection_reason",
                table: "sampling_dispositions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "objection_upheld",
                table: "sampling_dispositions",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "objection_decided_on",
                table: "sampling_dispositions");

            migrationBuilder.DropColumn(
                name: "objection_decision_due",
                table: "sampling_dispositions");

            migrationBuilder.DropColumn(
                name: "objection_filed_on",
                table: "sampling_dispositions");

            migrationBuilder.DropColumn(
                name: "objection_reason",
                table: "sampling_dispositions");

            migrationBuilder.DropColumn(
                name: "objection_upheld",
                table: "sampling_dispositions");
        }
    }
}
