using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Surveys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "surveys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    intro = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    purpose = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    access = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    margin_of_error = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    min_per_district = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    questions_json = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    quotas_json = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    sample_size = table.Column<int>(type: "integer", nullable: false),
                    public_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    opened_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    closed_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_surveys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "survey_invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    code_digest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    batch = table.Column<int>(type: "integer", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    used_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_invitations", x => x.id);
                    table.ForeignKey(
                        name: "fk_survey_invitations_surveys_survey_id",
                        column: x => x.survey_id,
                        principalTable: "surveys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "survey_responses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    person_digest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    interviewer = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    answers_json = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    score = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    submitted_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_responses", x => x.id);
                    table.ForeignKey(
                        name: "fk_survey_responses_surveys_survey_id",
                        column: x => x.survey_id,
                        principalTable: "surveys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_survey_invitations_survey_id_code_digest",
                table: "survey_invitations",
                columns: new[] { "survey_id", "code_digest" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_survey_invitations_survey_id_region_code",
                table: "survey_invitations",
                columns: new[] { "survey_id", "region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_region_code_submitted_at_utc",
                table: "survey_responses",
                columns: new[] { "region_code", "submitted_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_survey_id_person_digest",
                table: "survey_responses",
                columns: new[] { "survey_id", "person_digest" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_survey_id_region_code",
                table: "survey_responses",
                columns: new[] { "survey_id", "region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_surveys_public_code",
                table: "surveys",
                column: "public_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_surveys_region_code_year",
                table: "surveys",
                columns: new[] { "region_code", "year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "survey_invitations");

            migrationBuilder.DropTable(
                name: "survey_responses");

            migrationBuilder.DropTable(
                name: "surveys");
        }
    }
}
