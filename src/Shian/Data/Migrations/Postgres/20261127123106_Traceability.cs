using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Shian.Data.Migrations.Postgres
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    submitted_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    received_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    finished_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    format = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    bytes = table.Column<long>(type: "bigint", nullable: false),
                    stored = table.Column<int>(type: "integer", nullable: false),
                    duplicates = table.Column<int>(type: "integer", nullable: false),
                    errors_json = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trace_captures", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "trace_event_keys",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    event_pk = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    value = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    quantity = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    uom = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    event_time_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    business_uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trace_event_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "trace_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    event_id = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    event_hash = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    type = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    event_time_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    event_time_zone_offset = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    record_time_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    action = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    biz_step = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    disposition = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    read_point = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    biz_location = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    error_declared = table.Column<bool>(type: "boolean", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    capture_id = table.Column<Guid>(type: "uuid", nullable: false),
                    json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trace_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "trace_gs1_prefixes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    business_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    prefix = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    added_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    added_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
