using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Sampling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sampling_analytes",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    group = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sampling_analytes", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "sampling_announcements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    published_on = table.Column<DateOnly>(type: "date", nullable: false),
                    samples = table.Column<int>(type: "integer", nullable: false),
                    non_conforming = table.Column<int>(type: "integer", nullable: false),
                    sample_ids = table.Column<string>(type: "text", nullable: false),
                    published_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sampling_announcements", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sampling_food_categories",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    parent_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sampling_food_categories", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "sampling_limits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    category_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    analyte_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    value = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    not_detectable = table.Column<bool>(type: "boolean", nullable: false),
                    standard = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    edition = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    effective_to = table.Column<DateOnly>(type: "date", nullable: true),
                    excludes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    basis = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    confidence = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    source_row = table.Column<int>(type: "integer", nullable: true),
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sampling_limits", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sampling_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    population = table.Column<long>(type: "bigint", nullable: false),
                    population_source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sampling_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sampling_rapid_tests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: true),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    product_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    item = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    result = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    reading = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    tested_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    objection_until_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    tester = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    follow_up_sample_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sampling_rapid_tests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sampling_samples",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    business_uscc = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: true),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    business_address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    business_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    product_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    category_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    brand = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    specification = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    batch = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    production_date = table.Column<DateOnly>(type: "date", nullable: true),
                    labelled_producer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    labelled_producer_address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    quantity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sampled_on = table.Column<DateOnly>(type: "date", nullable: false),
                    samplers = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    lab = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    analytes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    send_by = table.Column<DateOnly>(type: "date", nullable: false),
                    sent_on = table.Column<DateOnly>(type: "date", nullable: true),
                    received_on = table.Column<DateOnly>(type: "date", nullable: true),
                    report_due_by = table.Column<DateOnly>(type: "date", nullable: true),
                    reported_on = table.Column<DateOnly>(type: "date", nullable: true),
                    verdict = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    residue = table.Column<bool>(type: "boolean", nullable: false),
                    announcement_id = table.Column<Guid>(type: "uuid", nullable: true),
                    rapid_test_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sampling_samples", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sampling_quotas",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    per_thousand = table.Column<decimal>(type: "numeric(9,3)", precision: 9, scale: 3, nullable: true),
                    fixed_count = table.Column<int>(type: "integer", nullable: true),
                    required = table.Column<int>(type: "integer", nullable: true),
                    category_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sampling_quotas", x => x.id);
                    table.ForeignKey(
                        name: "fk_sampling_quotas_sampling_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "sampling_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sampling_dispositions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sample_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    business_uscc = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: true),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    concluded_on = table.Column<DateOnly>(type: "date", nullable: false),
                    notify_by = table.Column<DateOnly>(type: "date", nullable: false),
                    notified_on = table.Column<DateOnly>(type: "date", nullable: true),
                    retest_apply_by = table.Column<DateOnly>(type: "date", nullable: true),
                    retest_requested_on = table.Column<DateOnly>(type: "date", nullable: true),
                    retest_conforming = table.Column<bool>(type: "boolean", nullable: true),
                    action_by = table.Column<DateOnly>(type: "date", nullable: false),
                    removed_from_sale = table.Column<bool>(type: "boolean", nullable: false),
                    recalled = table.Column<bool>(type: "boolean", nullable: false),
                    cause = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    action_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    action_completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    case_decision_due = table.Column<DateOnly>(type: "date", nullable: false),
                    case_clue_raised = table.Column<bool>(type: "boolean", nullable: false),
                    publish_by = table.Column<DateOnly>(type: "date", nullable: false),
                    published_on = table.Column<DateOnly>(type: "date", nullable: true),
                    closed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sampling_dispositions", x => x.id);
                    table.ForeignKey(
                        name: "fk_sampling_dispositions_samples_sample_id",
                        column: x => x.sample_id,
                        principalTable: "sampling_samples",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sampling_results",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sample_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    business_uscc = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: true),
                    analyte_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    value = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    lod = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    decimals = table.Column<int>(type: "integer", nullable: true),
                    density = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: true),
                    method = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    auto_verdict = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    verdict = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    explanation = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    limit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    limit_text = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    override_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    overridden_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    overridden_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    retest = table.Column<bool>(type: "boolean", nullable: false),
                    entered_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    entered_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sampling_results", x => x.id);
                    table.ForeignKey(
                        name: "fk_sampling_results_sampling_samples_sample_id",
                        column: x => x.sample_id,
                        principalTable: "sampling_samples",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sampling_quota_allocations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    quota_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    population = table.Column<long>(type: "bigint", nullable: false),
                    required = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sampling_quota_allocations", x => x.id);
                    table.ForeignKey(
                        name: "fk_sampling_quota_allocations_sampling_quotas_quota_id",
                        column: x => x.quota_id,
                        principalTable: "sampling_quotas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sampling_announcements_region_code_published_on",
                table: "sampling_announcements",
                columns: new[] { "region_code", "published_on" });

            migrationBuilder.CreateIndex(
                name: "ix_sampling_dispositions_region_code_concluded_on",
                table: "sampling_dispositions",
                columns: new[] { "region_code", "concluded_on" });

            migrationBuilder.CreateIndex(
                name: "ix_sampling_dispositions_sample_id",
                table: "sampling_dispositions",
                column: "sample_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sampling_food_categories_parent_code",
                table: "sampling_food_categories",
                column: "parent_code");

            migrationBuilder.CreateIndex(
                name: "ix_sampling_limits_analyte_code",
                table: "sampling_limits",
                column: "analyte_code");

            migrationBuilder.CreateIndex(
                name: "ix_sampling_limits_category_code_analyte_code_standard_edition",
                table: "sampling_limits",
                columns: new[] { "category_code", "analyte_code", "standard", "edition" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sampling_plans_region_code_year",
                table: "sampling_plans",
                columns: new[] { "region_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_sampling_quota_allocations_plan_id",
                table: "sampling_quota_allocations",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_sampling_quota_allocations_quota_id_region_code",
                table: "sampling_quota_allocations",
                columns: new[] { "quota_id", "region_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sampling_quotas_plan_id",
                table: "sampling_quotas",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_sampling_rapid_tests_region_code_tested_at_utc",
                table: "sampling_rapid_tests",
                columns: new[] { "region_code", "tested_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_sampling_results_analyte_code",
                table: "sampling_results",
                column: "analyte_code");

            migrationBuilder.CreateIndex(
                name: "ix_sampling_results_sample_id_analyte_code_retest",
                table: "sampling_results",
                columns: new[] { "sample_id", "analyte_code", "retest" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sampling_samples_announcement_id",
                table: "sampling_samples",
                column: "announcement_id");

            migrationBuilder.CreateIndex(
                name: "ix_sampling_samples_business_id",
                table: "sampling_samples",
                column: "business_id");

            migrationBuilder.CreateIndex(
                name: "ix_sampling_samples_code",
                table: "sampling_samples",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sampling_samples_plan_id",
                table: "sampling_samples",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_sampling_samples_region_code_sampled_on",
                table: "sampling_samples",
                columns: new[] { "region_code", "sampled_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sampling_analytes");

            migrationBuilder.DropTable(
                name: "sampling_announcements");

            migrationBuilder.DropTable(
                name: "sampling_dispositions");

            migrationBuilder.DropTable(
                name: "sampling_food_categories");

            migrationBuilder.DropTable(
                name: "sampling_limits");

            migrationBuilder.DropTable(
                name: "sampling_quota_allocations");

            migrationBuilder.DropTable(
                name: "sampling_rapid_tests");

            migrationBuilder.DropTable(
                name: "sampling_results");

            migrationBuilder.DropTable(
                name: "sampling_quotas");

            migrationBuilder.DropTable(
                name: "sampling_samples");

            migrationBuilder.DropTable(
                name: "sampling_plans");
        }
    }
}
