using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Enforcement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "enforcement_clues",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    source_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    business_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    from_whom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    found_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    decision_due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    extended = table.Column<bool>(type: "INTEGER", nullable: false),
                    extension_approver = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    extension_reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    paused_working_days = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    propose_open = table.Column<bool>(type: "INTEGER", nullable: true),
                    proposal_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    proposed_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    proposed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    approved_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    received_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enforcement_clues", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_entries",
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
                    table.PrimaryKey("pk_enforcement_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    county = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: true),
                    clue_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    party = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    party_is_person = table.Column<bool>(type: "INTEGER", nullable: false),
                    cause = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    opened_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    violation_ended_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    life_health_harm = table.Column<bool>(type: "INTEGER", nullable: false),
                    officers = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    major = table.Column<bool>(type: "INTEGER", nullable: false),
                    stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    extension_days = table.Column<int>(type: "INTEGER", nullable: false),
                    paused_days = table.Column<int>(type: "INTEGER", nullable: false),
                    decision_due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    investigation_report = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    article = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    goods_value = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: true),
                    fine = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: false),
                    confiscated = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: false),
                    warning = table.Column<bool>(type: "INTEGER", nullable: false),
                    other_measures = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    discretion_level = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    discretion_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    reviewed_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    reviewed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    review_opinion = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    notice_served_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    hearing_right = table.Column<bool>(type: "INTEGER", nullable: false),
                    statement_by = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    statement = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    waived = table.Column<bool>(type: "INTEGER", nullable: false),
                    hearing_requested_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    hearing_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    hearing_noticed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    hearing_held_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    discussed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    discussion_conclusion = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    no_penalty_ground = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    decision_year = table.Column<int>(type: "INTEGER", nullable: true),
                    decision_number = table.Column<int>(type: "INTEGER", nullable: true),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    serve_by = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    served_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    service_method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    pay_by = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    paid_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    amount_paid = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: true),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enforcement_cases", x => x.id);
                    table.ForeignKey(
                        name: "fk_enforcement_cases_enforcement_clues_clue_id",
                        column: x => x.clue_id,
                        principalTable: "enforcement_clues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_measures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    items = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    started_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    extended = table.Column<bool>(type: "INTEGER", nullable: false),
                    ended_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enforcement_measures", x => x.id);
                    table.ForeignKey(
                        name: "fk_enforcement_measures_enforcement_case_case_id",
                        column: x => x.case_id,
                        principalTable: "enforcement_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_cases_business_id",
                table: "enforcement_cases",
                column: "business_id");

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_cases_clue_id",
                table: "enforcement_cases",
                column: "clue_id");

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_cases_county_decision_year_decision_number",
                table: "enforcement_cases",
                columns: new[] { "county", "decision_year", "decision_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_cases_county_year_number",
                table: "enforcement_cases",
                columns: new[] { "county", "year", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_cases_region_code_stage_decision_due",
                table: "enforcement_cases",
                columns: new[] { "region_code", "stage", "decision_due" });

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_clues_business_id",
                table: "enforcement_clues",
                column: "business_id");

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_clues_region_code_status_decision_due",
                table: "enforcement_clues",
                columns: new[] { "region_code", "status", "decision_due" });

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_clues_source_source_id",
                table: "enforcement_clues",
                columns: new[] { "source", "source_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_entries_record_id_at_utc",
                table: "enforcement_entries",
                columns: new[] { "record_id", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_measures_case_id",
                table: "enforcement_measures",
                column: "case_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enforcement_entries");

            migrationBuilder.DropTable(
                name: "enforcement_measures");

            migrationBuilder.DropTable(
                name: "enforcement_cases");

            migrationBuilder.DropTable(
                name: "enforcement_clues");
        }
    }
}
