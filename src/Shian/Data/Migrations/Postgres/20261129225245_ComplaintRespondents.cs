using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Postgres
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    business_uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    business_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    question = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    asked_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    asked_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    asked_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reply_by = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    proposal = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    offer_amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    answered_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    answered_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    answered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    withdrawn_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
