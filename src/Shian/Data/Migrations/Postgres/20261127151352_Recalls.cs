using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Recalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "gtin",
                table: "sampling_samples",
                type: "character(14)",
                fixedLength: true,
                maxLength: 14,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "recall_progress",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recall_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    business_uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    recovered = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: false),
                    destroyed = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recall_progress", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "recall_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recall_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    recall_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    product_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    lot = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    level = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    recalling_business = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    parties = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: true),
                    unit = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    status = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    recovered = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: true),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    done_on = table.Column<DateOnly>(type: "date", nullable: true),
                    done_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recall_tasks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "recalls",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    business_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    trigger = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    sample_id = table.Column<Guid>(type: "uuid", nullable: true),
                    sample_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    product_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    gtin = table.Column<string>(type: "character(14)", fixedLength: true, maxLength: 14, nullable: true),
                    lot = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    production_date = table.Column<DateOnly>(type: "date", nullable: true),
                    level = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    known_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    start_due_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    notice_on = table.Column<DateOnly>(type: "date", nullable: true),
                    started_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    notice = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    complete_due = table.Column<DateOnly>(type: "date", nullable: true),
                    extension_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    quantity_to_recall = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: true),
                    unit = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    recovered = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: false),
                    destroyed = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    closed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    dismiss_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    published_on = table.Column<DateOnly>(type: "date", nullable: true),
                    refused_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recalls", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sampling_samples_gtin_batch",
                table: "sampling_samples",
                columns: new[] { "gtin", "batch" });

            migrationBuilder.CreateIndex(
                name: "ix_recall_progress_recall_id",
                table: "recall_progress",
                column: "recall_id");

            migrationBuilder.CreateIndex(
                name: "ix_recall_tasks_recall_id_region_code",
                table: "recall_tasks",
                columns: new[] { "recall_id", "region_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_recall_tasks_region_code_status",
                table: "recall_tasks",
                columns: new[] { "region_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_recalls_gtin_lot",
                table: "recalls",
                columns: new[] { "gtin", "lot" });

            migrationBuilder.CreateIndex(
                name: "ix_recalls_number",
                table: "recalls",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_recalls_published_on",
                table: "recalls",
                column: "published_on");

            migrationBuilder.CreateIndex(
                name: "ix_recalls_region_code_status",
                table: "recalls",
                columns: new[] { "region_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_recalls_sample_id",
                table: "recalls",
                column: "sample_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "recall_progress");

            migrationBuilder.DropTable(
                name: "recall_tasks");

            migrationBuilder.DropTable(
                name: "recalls");

            migrationBuilder.DropIndex(
                name: "ix_sampling_samples_gtin_batch",
                table: "sampling_samples");

            migrationBuilder.DropColumn(
                name: "gtin",
                table: "sampling_samples");
        }
    }
}
