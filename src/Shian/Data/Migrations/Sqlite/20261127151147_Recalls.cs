using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
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
                type: "TEXT",
                fixedLength: true,
                maxLength: 14,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "recall_progress",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    recall_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    business_uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recovered = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false),
                    destroyed = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recall_progress", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "recall_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    recall_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    recall_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    product_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    lot = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    level = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    recalling_business = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    parties = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    quantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: true),
                    unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    recovered = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    done_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    done_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recall_tasks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "recalls",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    business_uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    business_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    trigger = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    sample_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    sample_code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    product_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    gtin = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 14, nullable: true),
                    lot = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    production_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    level = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    known_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    start_due_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    notice_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    started_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    notice = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    complete_due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    extension_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    quantity_to_recall = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: true),
                    unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    recovered = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false),
                    destroyed = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false),
                    completed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    closed_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    dismiss_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    published_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    refused_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
