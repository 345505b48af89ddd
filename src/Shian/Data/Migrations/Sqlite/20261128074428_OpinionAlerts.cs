using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OpinionAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "emergency_opinion_feeds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    key_prefix = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    key_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_run_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_result = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emergency_opinion_feeds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "emergency_opinion_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    feed_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    canonical_url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    author = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    published_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    collected_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    sim_hash = table.Column<long>(type: "INTEGER", nullable: false),
                    copy_of_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    copies = table.Column<int>(type: "INTEGER", nullable: false),
                    severity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    topics = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    business_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    alert_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    collected_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emergency_opinion_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_emergency_opinion_items_emergency_opinion_feeds_feed_id",
                        column: x => x.feed_id,
                        principalTable: "emergency_opinion_feeds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "emergency_opinion_alerts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    severity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    topics = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    business_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    raised_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    raised_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    major = table.Column<bool>(type: "INTEGER", nullable: false),
                    verify_due_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    respond_due_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    press_due_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    publish_due_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    verified_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    verified_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    finding = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    finding_text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    responded_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    response = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    response_text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    press_held_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    published_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    published_text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    incident_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    clue_raised_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    closed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emergency_opinion_alerts", x => x.id);
                    table.ForeignKey(
                        name: "fk_emergency_opinion_alerts_opinion_item_item_id",
                        column: x => x.item_id,
                        principalTable: "emergency_opinion_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "emergency_opinion_item_businesses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    business_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    confidence = table.Column<double>(type: "REAL", nullable: false),
                    alias = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emergency_opinion_item_businesses", x => x.id);
                    table.ForeignKey(
                        name: "fk_emergency_opinion_item_businesses_opinion_item_item_id",
                        column: x => x.item_id,
                        principalTable: "emergency_opinion_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "emergency_opinion_alert_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    alert_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    author = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emergency_opinion_alert_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_emergency_opinion_alert_entries_emergency_opinion_alerts_alert_id",
                        column: x => x.alert_id,
                        principalTable: "emergency_opinion_alerts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_emergency_opinion_alert_entries_alert_id_at_utc",
                table: "emergency_opinion_alert_entries",
                columns: new[] { "alert_id", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_emergency_opinion_alerts_item_id",
                table: "emergency_opinion_alerts",
                column: "item_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_emergency_opinion_alerts_region_code_status_raised_at_utc",
                table: "emergency_opinion_alerts",
                columns: new[] { "region_code", "status", "raised_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_emergency_opinion_feeds_key_hash",
                table: "emergency_opinion_feeds",
                column: "key_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_emergency_opinion_feeds_region_code_kind",
                table: "emergency_opinion_feeds",
                columns: new[] { "region_code", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_emergency_opinion_item_businesses_business_id",
                table: "emergency_opinion_item_businesses",
                column: "business_id");

            migrationBuilder.CreateIndex(
                name: "ix_emergency_opinion_item_businesses_item_id_business_id",
                table: "emergency_opinion_item_businesses",
                columns: new[] { "item_id", "business_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_emergency_opinion_items_business_id",
                table: "emergency_opinion_items",
                column: "business_id");

            migrationBuilder.CreateIndex(
                name: "ix_emergency_opinion_items_canonical_url",
                table: "emergency_opinion_items",
                column: "canonical_url");

            migrationBuilder.CreateIndex(
                name: "ix_emergency_opinion_items_collected_at_utc",
                table: "emergency_opinion_items",
                column: "collected_at_utc");

            migrationBuilder.CreateIndex(
                name: "ix_emergency_opinion_items_content_hash",
                table: "emergency_opinion_items",
                column: "content_hash");

            migrationBuilder.CreateIndex(
                name: "ix_emergency_opinion_items_feed_id",
                table: "emergency_opinion_items",
                column: "feed_id");

            migrationBuilder.CreateIndex(
                name: "ix_emergency_opinion_items_region_code_collected_at_utc",
                table: "emergency_opinion_items",
                columns: new[] { "region_code", "collected_at_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "emergency_opinion_alert_entries");

            migrationBuilder.DropTable(
                name: "emergency_opinion_item_businesses");

            migrationBuilder.DropTable(
                name: "emergency_opinion_alerts");

            migrationBuilder.DropTable(
                name: "emergency_opinion_items");

            migrationBuilder.DropTable(
                name: "emergency_opinion_feeds");
        }
    }
}
