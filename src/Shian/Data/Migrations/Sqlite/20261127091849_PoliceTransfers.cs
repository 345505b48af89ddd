using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PoliceTransfers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "enforcement_transfers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    grounds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    reported_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    reported_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    approve_by = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    opinion = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    transfer_by = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    transferred_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    police_agency = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    copied_to_procuratorate = table.Column<bool>(type: "INTEGER", nullable: false),
                    accept_by = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    accepted_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    police_decision_due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    police_decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    feedback_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    police_decision = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    follow_up = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    follow_up_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enforcement_transfers", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_transfers_case_id",
                table: "enforcement_transfers",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_transfers_region_code_status",
                table: "enforcement_transfers",
                columns: new[] { "region_code", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enforcement_transfers");
        }
    }
}
