using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SecurityHardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "scope_region_code",
                table: "kernel_unit_aliases",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "key_id",
                table: "kernel_audit_entries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "attached_at_utc",
                table: "kernel_attachments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "verified_at_utc",
                table: "inspections_draws",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "verified_matches",
                table: "inspections_draws",
                type: "boolean",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "scope_region_code",
                table: "kernel_unit_aliases");

            migrationBuilder.DropColumn(
                name: "key_id",
                table: "kernel_audit_entries");

            migrationBuilder.DropColumn(
                name: "attached_at_utc",
                table: "kernel_attachments");

            migrationBuilder.DropColumn(
                name: "verified_at_utc",
                table: "inspections_draws");

            migrationBuilder.DropColumn(
                name: "verified_matches",
                table: "inspections_draws");
        }
    }
}
