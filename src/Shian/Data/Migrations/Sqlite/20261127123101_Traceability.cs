using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Traceability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "trace_captures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    business_uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    submitted_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    received_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    finished_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    format = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    stored = table.Column<int>(type: "INTEGER", nullable: false),
                    duplicates = table.Column<int>(type: "INTEGER", nullable: false),
                    errors_json = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trace_captures", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "trace_event_keys",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    event_pk = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    quantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    uom = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    event_time_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    business_uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trace_event_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "trace_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    event_id = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    event_hash = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    event_time_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    event_time_zone_offset = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    record_time_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    biz_step = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    disposition = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    read_point = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    biz_location = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    error_declared = table.Column<bool>(type: "INTEGER", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    business_uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    capture_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trace_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "trace_gs1_prefixes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    business_uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    business_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    prefix = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    added_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    added_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trace_gs1_prefixes", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_trace_captures_business_id_received_at_utc",
                table: "trace_captures",
                columns: new[] { "business_id", "received_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_trace_event_keys_event_pk",
                table: "trace_event_keys",
                column: "event_pk");

            migrationBuilder.CreateIndex(
                name: "ix_trace_event_keys_value_kind",
                table: "trace_event_keys",
                columns: new[] { "value", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_trace_events_biz_location",
                table: "trace_events",
                column: "biz_location");

            migrationBuilder.CreateIndex(
                name: "ix_trace_events_business_id_event_time_utc",
                table: "trace_events",
                columns: new[] { "business_id", "event_time_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_trace_events_capture_id",
                table: "trace_events",
                column: "capture_id");

            migrationBuilder.CreateIndex(
                name: "ix_trace_events_event_hash",
                table: "trace_events",
                column: "event_hash");

            migrationBuilder.CreateIndex(
                name: "ix_trace_events_event_id",
                table: "trace_events",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_trace_events_region_code_event_time_utc",
                table: "trace_events",
                columns: new[] { "region_code", "event_time_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_trace_gs1_prefixes_business_id",
                table: "trace_gs1_prefixes",
                column: "business_id");

            migrationBuilder.CreateIndex(
                name: "ix_trace_gs1_prefixes_prefix",
                table: "trace_gs1_prefixes",
                column: "prefix",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trace_captures");

            migrationBuilder.DropTable(
                name: "trace_event_keys");

            migrationBuilder.DropTable(
                name: "trace_events");

            migrationBuilder.DropTable(
                name: "trace_gs1_prefixes");
        }
    }
}
