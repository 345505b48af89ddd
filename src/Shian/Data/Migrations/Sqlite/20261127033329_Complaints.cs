using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Complaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "complaint_open311_clients",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    key_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    key_prefix = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    revoked_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_open311_clients", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "complaints",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tracking_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 11, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ticket_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    client_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    business_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    latitude = table.Column<double>(type: "REAL", nullable: true),
                    longitude = table.Column<double>(type: "REAL", nullable: true),
                    received_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    received_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    anonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    insider = table.Column<bool>(type: "INTEGER", nullable: false),
                    name_masked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    name_sealed = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    phone_masked = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    phone_sealed = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    phone_digest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    follow_up_key_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    track_failures = table.Column<int>(type: "INTEGER", nullable: false),
                    track_locked_until_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    accept_by = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    local_reply_by = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    accepted_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    refused_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    refusal_reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    mediation_consented = table.Column<bool>(type: "INTEGER", nullable: false),
                    mediation_ends_by = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    paused_working_days = table.Column<int>(type: "INTEGER", nullable: false),
                    mediation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    amount_recovered = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    mediation_ended_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    verify_by = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    verify_from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    verify_extended = table.Column<bool>(type: "INTEGER", nullable: false),
                    verify_extension_approver = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    substantiated = table.Column<bool>(type: "INTEGER", nullable: true),
                    verified_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    clue_raised_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    case_opened = table.Column<bool>(type: "INTEGER", nullable: true),
                    case_decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    reporter_told_by = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    reporter_told_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    reply = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    reply_channel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    replied_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    merged_into_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    handler = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    satisfaction = table.Column<int>(type: "INTEGER", nullable: true),
                    satisfaction_comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    reopen_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaints", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "complaint_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    complaint_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    author = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    @public = table.Column<bool>(name: "public", type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_complaint_entries_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "complaint_photos",
                columns: table => new
                {
                    complaint_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    attachment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_photos", x => new { x.complaint_id, x.attachment_id });
                    table.ForeignKey(
                        name: "fk_complaint_photos_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_complaint_entries_complaint_id_at_utc",
                table: "complaint_entries",
                columns: new[] { "complaint_id", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_complaint_open311_clients_key_hash",
                table: "complaint_open311_clients",
                column: "key_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_complaints_business_id_received_on",
                table: "complaints",
                columns: new[] { "business_id", "received_on" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_channel_ticket_id",
                table: "complaints",
                columns: new[] { "channel", "ticket_id" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_phone_digest_received_at_utc",
                table: "complaints",
                columns: new[] { "phone_digest", "received_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_received_at_utc",
                table: "complaints",
                column: "received_at_utc");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_region_code_status_received_on",
                table: "complaints",
                columns: new[] { "region_code", "status", "received_on" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_tracking_code",
                table: "complaints",
                column: "tracking_code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "complaint_entries");

            migrationBuilder.DropTable(
                name: "complaint_open311_clients");

            migrationBuilder.DropTable(
                name: "complaint_photos");

            migrationBuilder.DropTable(
                name: "complaints");
        }
    }
}
