using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Assessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "governance_assessment_schemes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    excellent_from = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    good_from = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    pass_from = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    published_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    published_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_assessment_schemes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "governance_interviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    issuer_region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    subject_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    subject_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    trigger = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    scheme_id = table.Column<Guid>(type: "uuid", nullable: true),
                    supervision_notice_id = table.Column<Guid>(type: "uuid", nullable: true),
                    year = table.Column<int>(type: "integer", nullable: true),
                    proposed_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: true),
                    attendees = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    decided_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    decided_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_interviews", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "governance_assessment_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    scheme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    weight = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    applies_to = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    target_id = table.Column<Guid>(type: "uuid", nullable: true),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: true),
                    deduction_per_problem = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_assessment_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_assessment_items_assessment_schemes_scheme_id",
                        column: x => x.scheme_id,
                        principalTable: "governance_assessment_schemes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_assessment_results",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    scheme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    scheme_region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    assessee_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    assessee_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    assessee_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    base_score = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    bonus = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    total = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    grade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    vetoed = table.Column<bool>(type: "boolean", nullable: false),
                    veto_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    targets_missed = table.Column<int>(type: "integer", nullable: false),
                    items_json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_assessment_results", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_assessment_results_assessment_schemes_scheme_id",
                        column: x => x.scheme_id,
                        principalTable: "governance_assessment_schemes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_assessment_vetoes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    scheme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    assessee_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recorded_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_assessment_vetoes", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_assessment_vetoes_governance_assessment_schemes_",
                        column: x => x.scheme_id,
                        principalTable: "governance_assessment_schemes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_assessment_scores",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    scheme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    assessee_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    points = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    entered_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    entered_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_assessment_scores", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_assessment_scores_governance_assessment_items_it",
                        column: x => x.item_id,
                        principalTable: "governance_assessment_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_governance_assessment_items_scheme_id_ordinal",
                table: "governance_assessment_items",
                columns: new[] { "scheme_id", "ordinal" });

            migrationBuilder.CreateIndex(
                name: "ix_governance_assessment_results_scheme_id_assessee_key",
                table: "governance_assessment_results",
                columns: new[] { "scheme_id", "assessee_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_governance_assessment_results_scheme_region_code_year",
                table: "governance_assessment_results",
                columns: new[] { "scheme_region_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_governance_assessment_schemes_region_code_year",
                table: "governance_assessment_schemes",
                columns: new[] { "region_code", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_governance_assessment_scores_item_id_assessee_key",
                table: "governance_assessment_scores",
                columns: new[] { "item_id", "assessee_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_governance_assessment_scores_scheme_id",
                table: "governance_assessment_scores",
                column: "scheme_id");

            migrationBuilder.CreateIndex(
                name: "ix_governance_assessment_vetoes_scheme_id_assessee_key",
                table: "governance_assessment_vetoes",
                columns: new[] { "scheme_id", "assessee_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_governance_interviews_region_code_status",
                table: "governance_interviews",
                columns: new[] { "region_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_governance_interviews_scheme_id_subject_key",
                table: "governance_interviews",
                columns: new[] { "scheme_id", "subject_key" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "governance_assessment_results");

            migrationBuilder.DropTable(
                name: "governance_assessment_scores");

            migrationBuilder.DropTable(
                name: "governance_assessment_vetoes");

            migrationBuilder.DropTable(
                name: "governance_interviews");

            migrationBuilder.DropTable(
                name: "governance_assessment_items");

            migrationBuilder.DropTable(
                name: "governance_assessment_schemes");
        }
    }
}
