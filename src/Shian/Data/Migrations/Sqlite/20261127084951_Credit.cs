using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Credit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "revocation_reason",
                table: "enforcement_cases",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "revoked_on",
                table: "enforcement_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "credit_api_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    holder = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    prefix = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    key_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    revoked_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_used_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "credit_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    record_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    author = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "credit_listings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    party = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    decision_number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    penalty_decided_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    penalty = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ground = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    facts = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    proposed_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    notice_served_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    statement_by = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    statement = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    hearing_requested = table.Column<bool>(type: "INTEGER", nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    decision_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    listed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    expires_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    removed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    removal_reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    repair_applied_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    repair_decide_by = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    repair_application = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    repair_approved = table.Column<bool>(type: "INTEGER", nullable: true),
                    repair_decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    repair_decided_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    repair_opinion = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_listings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "credit_publications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    party = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    party_is_person = table.Column<bool>(type: "INTEGER", nullable: false),
                    decision_number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    violation = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    content = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    bars_early_stop = table.Column<bool>(type: "INTEGER", nullable: false),
                    article = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    period_months = table.Column<int>(type: "INTEGER", nullable: false),
                    publish_by = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    published_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    published_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    show_until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ended_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    withdraw_by = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    withdraw_reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    repair_applied_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    repair_decide_by = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    repair_application = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    repair_approved = table.Column<bool>(type: "INTEGER", nullable: true),
                    repair_decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    repair_decided_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    repair_opinion = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_publications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "credit_query_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    key_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    listed = table.Column<bool>(type: "INTEGER", nullable: false),
                    penalties = table.Column<int>(type: "INTEGER", nullable: false),
                    client = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_query_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "credit_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    party = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    good = table.Column<bool>(type: "INTEGER", nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    source_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    heavy = table.Column<bool>(type: "INTEGER", nullable: false),
                    article = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    revoked_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    recorded_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_records", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_credit_api_keys_key_hash",
                table: "credit_api_keys",
                column: "key_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_credit_entries_record_id_at_utc",
                table: "credit_entries",
                columns: new[] { "record_id", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_listings_business_id",
                table: "credit_listings",
                column: "business_id");

            migrationBuilder.CreateIndex(
                name: "ix_credit_listings_case_id",
                table: "credit_listings",
                column: "case_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_credit_listings_region_code_status",
                table: "credit_listings",
                columns: new[] { "region_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_listings_uscc_status",
                table: "credit_listings",
                columns: new[] { "uscc", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_publications_business_id",
                table: "credit_publications",
                column: "business_id");

            migrationBuilder.CreateIndex(
                name: "ix_credit_publications_case_id",
                table: "credit_publications",
                column: "case_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_credit_publications_region_code_status_publish_by",
                table: "credit_publications",
                columns: new[] { "region_code", "status", "publish_by" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_publications_uscc_status",
                table: "credit_publications",
                columns: new[] { "uscc", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_query_log_key_id_at_utc",
                table: "credit_query_log",
                columns: new[] { "key_id", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_records_business_id_occurred_on",
                table: "credit_records",
                columns: new[] { "business_id", "occurred_on" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_records_kind_source_id",
                table: "credit_records",
                columns: new[] { "kind", "source_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credit_api_keys");

            migrationBuilder.DropTable(
                name: "credit_entries");

            migrationBuilder.DropTable(
                name: "credit_listings");

            migrationBuilder.DropTable(
                name: "credit_publications");

            migrationBuilder.DropTable(
                name: "credit_query_log");

            migrationBuilder.DropTable(
                name: "credit_records");

            migrationBuilder.DropColumn(
                name: "revocation_reason",
                table: "enforcement_cases");

            migrationBuilder.DropColumn(
                name: "revoked_on",
                table: "enforcement_cases");
        }
    }
}
