using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComplaintRespondents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "complaint_respondent_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    complaint_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    business_uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    business_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    question = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    asked_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    asked_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    asked_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reply_by = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    proposal = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    offer_amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    answered_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    answered_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    answered_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    withdrawn_reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_respondent_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_complaint_respondent_requests_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_complaint_respondent_requests_business_uscc_status",
                table: "complaint_respondent_requests",
                columns: new[] { "business_uscc", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_complaint_respondent_requests_complaint_id_asked_at_utc",
                table: "complaint_respondent_requests",
                columns: new[] { "complaint_id", "asked_at_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "complaint_respondent_requests");
        }
    }
}
