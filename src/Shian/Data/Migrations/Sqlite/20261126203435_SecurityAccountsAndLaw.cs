using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SecurityAccountsAndLaw : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "responsible_person_id",
                table: "registry_businesses",
                newName: "responsible_person_id_masked");

            // Identifiers stored before this migration were clear: keep only their masked form (the clear value is not
            // recoverable afterwards, as intended; re-import the register to seal them).
            migrationBuilder.Sql("UPDATE registry_businesses SET responsible_person_id_masked = CASE WHEN length(responsible_person_id_masked) >= 10 "
                + "THEN substr(responsible_person_id_masked, 1, 6) || '********' || substr(responsible_person_id_masked, length(responsible_person_id_masked) - 3, 4) "
                + "ELSE '****' END WHERE responsible_person_id_masked IS NOT NULL");

            migrationBuilder.AddColumn<DateOnly>(
                name: "best_before",
                table: "sampling_samples",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "sampling_dispositions",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Supervision");

            // Each existing disposition takes its sample's kind (review D-2).
            migrationBuilder.Sql("UPDATE sampling_dispositions SET kind = (SELECT s.kind FROM sampling_samples s WHERE s.id = sampling_dispositions.sample_id) WHERE EXISTS (SELECT 1 FROM sampling_samples s WHERE s.id = sampling_dispositions.sample_id)");

            migrationBuilder.AddColumn<DateOnly>(
                name: "objection_accept_by",
                table: "sampling_dispositions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "objection_accepted_on",
                table: "sampling_dispositions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "objection_ground",
                table: "sampling_dispositions",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "responsible_person_id_sealed",
                table: "registry_businesses",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "enforcement_certificate",
                table: "kernel_users",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "require_two_factor",
                table: "kernel_users",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "safety_items",
                table: "inspections_records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "verification_requested_at_utc",
                table: "inspections_draws",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "kernel_refresh_families",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    current_token_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    last_used_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    revoked_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_refresh_families", x => x.id);
                    table.ForeignKey(
                        name: "fk_kernel_refresh_families_kernel_users_user_id",
                        column: x => x.user_id,
                        principalTable: "kernel_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_refresh_families_user_id",
                table: "kernel_refresh_families",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kernel_refresh_families");

            migrationBuilder.DropColumn(
                name: "best_before",
                table: "sampling_samples");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "sampling_dispositions");

            migrationBuilder.DropColumn(
                name: "objection_accept_by",
                table: "sampling_dispositions");

            migrationBuilder.DropColumn(
                name: "objection_accepted_on",
                table: "sampling_dispositions");

            migrationBuilder.DropColumn(
                name: "objection_ground",
                table: "sampling_dispositions");

            migrationBuilder.DropColumn(
                name: "responsible_person_id_sealed",
                table: "registry_businesses");

            migrationBuilder.DropColumn(
                name: "enforcement_certificate",
                table: "kernel_users");

            migrationBuilder.DropColumn(
                name: "require_two_factor",
                table: "kernel_users");

            migrationBuilder.DropColumn(
                name: "safety_items",
                table: "inspections_records");

            migrationBuilder.DropColumn(
                name: "verification_requested_at_utc",
                table: "inspections_draws");

            migrationBuilder.RenameColumn(
                name: "responsible_person_id_masked",
                table: "registry_businesses",
                newName: "responsible_person_id");
        }
    }
}
