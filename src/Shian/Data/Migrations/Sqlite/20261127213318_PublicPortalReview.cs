using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicPortalReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "business_uscc",
                table: "inspections_records",
                type: "TEXT",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "held_reason",
                table: "inspections_records",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "publish_target",
                table: "inspections_records",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "published_by",
                table: "inspections_records",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            // Existing results were published on recording; their target is the inspection + 7 days (never after the legal limit),
            // and the business's USCC lets its own account read them.
            migrationBuilder.Sql("UPDATE inspections_records SET publish_target = MIN(date(inspected_on, '+7 days'), publish_by)");
            migrationBuilder.Sql("UPDATE inspections_records SET business_uscc = (SELECT b.uscc FROM registry_businesses b WHERE b.id = inspections_records.business_id)");

            migrationBuilder.CreateTable(
                name: "inspections_replies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    record_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    business_uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    photo_ids = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    submitted_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    submitted_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    reviewed_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    reviewed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    review_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspections_replies", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inspections_records_business_uscc",
                table: "inspections_records",
                column: "business_uscc");

            migrationBuilder.CreateIndex(
                name: "ix_inspections_replies_record_id",
                table: "inspections_replies",
                column: "record_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspections_replies_region_code_status",
                table: "inspections_replies",
                columns: new[] { "region_code", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inspections_replies");

            migrationBuilder.DropIndex(
                name: "ix_inspections_records_business_uscc",
                table: "inspections_records");

            migrationBuilder.DropColumn(
                name: "business_uscc",
                table: "inspections_records");

            migrationBuilder.DropColumn(
                name: "held_reason",
                table: "inspections_records");

            migrationBuilder.DropColumn(
                name: "publish_target",
                table: "inspections_records");

            migrationBuilder.DropColumn(
                name: "published_by",
                table: "inspections_records");
        }
    }
}
