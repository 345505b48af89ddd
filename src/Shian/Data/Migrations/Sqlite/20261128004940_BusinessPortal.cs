using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BusinessPortal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "confirmed_at_utc",
                table: "registry_duties",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "confirmed_by",
                table: "registry_duties",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "declined_reason",
                table: "registry_duties",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "business_uscc",
                table: "enforcement_cases",
                type: "TEXT",
                nullable: true);

            // Cases of a registered business carry its USCC (its own account reads them from 告知 on).
            migrationBuilder.Sql("UPDATE enforcement_cases SET business_uscc = (SELECT b.uscc FROM registry_businesses b WHERE b.id = enforcement_cases.business_id) WHERE business_id IS NOT NULL");

            // Records made before the review step were counted as recorded: they stay confirmed by whoever recorded them.
            migrationBuilder.Sql("UPDATE registry_duties SET confirmed_by = recorded_by, confirmed_at_utc = recorded_at_utc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "confirmed_at_utc",
                table: "registry_duties");

            migrationBuilder.DropColumn(
                name: "confirmed_by",
                table: "registry_duties");

            migrationBuilder.DropColumn(
                name: "declined_reason",
                table: "registry_duties");

            migrationBuilder.DropColumn(
                name: "business_uscc",
                table: "enforcement_cases");
        }
    }
}
