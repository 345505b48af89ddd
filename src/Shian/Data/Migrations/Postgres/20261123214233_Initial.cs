using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Shian.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "governance_incognito_checks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    unit_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    unit_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    checked_on = table.Column<DateOnly>(type: "date", nullable: false),
                    place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    problems = table.Column<int>(type: "integer", nullable: false),
                    rating = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recorded_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_incognito_checks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "governance_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    issuer_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    layout = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    content_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    source_file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    source_attachment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    imported_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    imported_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "governance_sent_reminders",
                columns: table => new
                {
                    assignment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    milestone_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    sent_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_sent_reminders", x => new { x.assignment_id, x.milestone_id, x.kind });
                });

            migrationBuilder.CreateTable(
                name: "kernel_attachments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    business_uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    storage_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    uploaded_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_attachments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    chain = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    entity_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    before = table.Column<string>(type: "text", nullable: true),
                    after = table.Column<string>(type: "text", nullable: true),
                    request_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    previous_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_calendar_days",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_calendar_days", x => x.date);
                });

            migrationBuilder.CreateTable(
                name: "kernel_calendar_years",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    notice = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    imported_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_calendar_years", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "kernel_regions",
                columns: table => new
                {
                    code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    parent_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: true),
                    is_official = table.Column<bool>(type: "boolean", nullable: false),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_regions", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "kernel_roles",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_unit_groups",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    phrase = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_unit_groups", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "kernel_units",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    short_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    is_committee_member = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_units", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "kernel_users",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    display_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    business_uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "governance_sections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_sections", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_sections_governance_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "governance_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kernel_population_figures",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    population = table.Column<long>(type: "bigint", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    status = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_population_figures", x => x.id);
                    table.ForeignKey(
                        name: "fk_kernel_population_figures_kernel_regions_region_code",
                        column: x => x.region_code,
                        principalTable: "kernel_regions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "kernel_role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<string>(type: "text", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_kernel_role_claims_kernel_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "kernel_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kernel_unit_aliases",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    unit_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    alias = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_former_name = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    origin = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_unit_aliases", x => x.id);
                    table.ForeignKey(
                        name: "fk_kernel_unit_aliases_kernel_units_unit_key",
                        column: x => x.unit_key,
                        principalTable: "kernel_units",
                        principalColumn: "key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kernel_unit_group_members",
                columns: table => new
                {
                    group_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    unit_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_unit_group_members", x => new { x.group_key, x.unit_key });
                    table.ForeignKey(
                        name: "fk_kernel_unit_group_members_kernel_unit_groups_group_key",
                        column: x => x.group_key,
                        principalTable: "kernel_unit_groups",
                        principalColumn: "key",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_kernel_unit_group_members_kernel_units_unit_key",
                        column: x => x.unit_key,
                        principalTable: "kernel_units",
                        principalColumn: "key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kernel_notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    read_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_kernel_notifications_kernel_users_user_id",
                        column: x => x.user_id,
                        principalTable: "kernel_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kernel_user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_kernel_user_claims_kernel_users_user_id",
                        column: x => x.user_id,
                        principalTable: "kernel_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kernel_user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_kernel_user_logins_kernel_users_user_id",
                        column: x => x.user_id,
                        principalTable: "kernel_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kernel_user_region_grants",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_user_region_grants", x => new { x.user_id, x.region_code });
                    table.ForeignKey(
                        name: "fk_kernel_user_region_grants_kernel_users_user_id",
                        column: x => x.user_id,
                        principalTable: "kernel_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kernel_user_roles",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    role_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_kernel_user_roles_kernel_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "kernel_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_kernel_user_roles_kernel_users_user_id",
                        column: x => x.user_id,
                        principalTable: "kernel_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kernel_user_tokens",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_kernel_user_tokens_kernel_users_user_id",
                        column: x => x.user_id,
                        principalTable: "kernel_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    section_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    lead_text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    units_text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    time_text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recurring = table.Column<bool>(type: "boolean", nullable: false),
                    reporting_period = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_tasks_governance_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "governance_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_governance_tasks_governance_sections_section_id",
                        column: x => x.section_id,
                        principalTable: "governance_sections",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "governance_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    unit_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    percent = table.Column<int>(type: "integer", nullable: false),
                    last_reported_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    resolution = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_assignments_governance_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "governance_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_milestones",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    phrase = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    rule = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_milestones", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_milestones_plan_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "governance_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    unit_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    percent = table.Column<int>(type: "integer", nullable: false),
                    completed = table.Column<bool>(type: "boolean", nullable: false),
                    reported_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    reported_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_reports_governance_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "governance_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_supervision_notices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    unit_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    issuer_region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    issued_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    issued_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    reply_due = table.Column<DateOnly>(type: "date", nullable: false),
                    reply_due_provisional = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    reply = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    replied_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    replied_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_supervision_notices", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_supervision_notices_governance_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "governance_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_targets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    comparator = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    period = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    deadline = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_targets", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_targets_governance_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "governance_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_unresolved_units",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_unresolved_units", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_unresolved_units_governance_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "governance_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_report_evidence",
                columns: table => new
                {
                    report_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attachment_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_report_evidence", x => new { x.report_id, x.attachment_id });
                    table.ForeignKey(
                        name: "fk_governance_report_evidence_governance_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "governance_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_measurements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    report_id = table.Column<Guid>(type: "uuid", nullable: false),
                    target_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_measurements", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_measurements_governance_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "governance_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_governance_measurements_governance_targets_target_id",
                        column: x => x.target_id,
                        principalTable: "governance_targets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_governance_assignments_region_code_unit_key",
                table: "governance_assignments",
                columns: new[] { "region_code", "unit_key" });

            migrationBuilder.CreateIndex(
                name: "ix_governance_assignments_task_id_unit_key_role",
                table: "governance_assignments",
                columns: new[] { "task_id", "unit_key", "role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_governance_incognito_checks_region_code_checked_on",
                table: "governance_incognito_checks",
                columns: new[] { "region_code", "checked_on" });

            migrationBuilder.CreateIndex(
                name: "ix_governance_measurements_report_id",
                table: "governance_measurements",
                column: "report_id");

            migrationBuilder.CreateIndex(
                name: "ix_governance_measurements_target_id",
                table: "governance_measurements",
                column: "target_id");

            migrationBuilder.CreateIndex(
                name: "ix_governance_milestones_date",
                table: "governance_milestones",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "ix_governance_milestones_task_id",
                table: "governance_milestones",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_governance_plans_region_code_content_hash",
                table: "governance_plans",
                columns: new[] { "region_code", "content_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_governance_plans_region_code_year",
                table: "governance_plans",
                columns: new[] { "region_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_governance_reports_task_id_unit_key_reported_at_utc",
                table: "governance_reports",
                columns: new[] { "task_id", "unit_key", "reported_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_governance_sections_plan_id_ordinal",
                table: "governance_sections",
                columns: new[] { "plan_id", "ordinal" });

            migrationBuilder.CreateIndex(
                name: "ix_governance_supervision_notices_region_code_status",
                table: "governance_supervision_notices",
                columns: new[] { "region_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_governance_supervision_notices_task_id",
                table: "governance_supervision_notices",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_governance_targets_task_id",
                table: "governance_targets",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_governance_tasks_plan_id_ordinal",
                table: "governance_tasks",
                columns: new[] { "plan_id", "ordinal" });

            migrationBuilder.CreateIndex(
                name: "ix_governance_tasks_section_id",
                table: "governance_tasks",
                column: "section_id");

            migrationBuilder.CreateIndex(
                name: "ix_governance_unresolved_units_task_id",
                table: "governance_unresolved_units",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_kernel_attachments_business_uscc",
                table: "kernel_attachments",
                column: "business_uscc");

            migrationBuilder.CreateIndex(
                name: "ix_kernel_attachments_region_code",
                table: "kernel_attachments",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_kernel_audit_entries_chain_sequence",
                table: "kernel_audit_entries",
                columns: new[] { "chain", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kernel_audit_entries_entity_type_entity_id",
                table: "kernel_audit_entries",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_notifications_user_id_read_at_utc_created_at_utc",
                table: "kernel_notifications",
                columns: new[] { "user_id", "read_at_utc", "created_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_population_figures_region_code_year",
                table: "kernel_population_figures",
                columns: new[] { "region_code", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kernel_regions_parent_code",
                table: "kernel_regions",
                column: "parent_code");

            migrationBuilder.CreateIndex(
                name: "ix_kernel_role_claims_role_id",
                table: "kernel_role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "kernel_roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kernel_unit_aliases_unit_key_alias",
                table: "kernel_unit_aliases",
                columns: new[] { "unit_key", "alias" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kernel_unit_group_members_unit_key",
                table: "kernel_unit_group_members",
                column: "unit_key");

            migrationBuilder.CreateIndex(
                name: "ix_kernel_units_region_code",
                table: "kernel_units",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_kernel_user_claims_user_id",
                table: "kernel_user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_kernel_user_logins_user_id",
                table: "kernel_user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_kernel_user_roles_role_id",
                table: "kernel_user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "kernel_users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "kernel_users",
                column: "normalized_user_name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "governance_assignments");

            migrationBuilder.DropTable(
                name: "governance_incognito_checks");

            migrationBuilder.DropTable(
                name: "governance_measurements");

            migrationBuilder.DropTable(
                name: "governance_milestones");

            migrationBuilder.DropTable(
                name: "governance_report_evidence");

            migrationBuilder.DropTable(
                name: "governance_sent_reminders");

            migrationBuilder.DropTable(
                name: "governance_supervision_notices");

            migrationBuilder.DropTable(
                name: "governance_unresolved_units");

            migrationBuilder.DropTable(
                name: "kernel_attachments");

            migrationBuilder.DropTable(
                name: "kernel_audit_entries");

            migrationBuilder.DropTable(
                name: "kernel_calendar_days");

            migrationBuilder.DropTable(
                name: "kernel_calendar_years");

            migrationBuilder.DropTable(
                name: "kernel_notifications");

            migrationBuilder.DropTable(
                name: "kernel_population_figures");

            migrationBuilder.DropTable(
                name: "kernel_role_claims");

            migrationBuilder.DropTable(
                name: "kernel_unit_aliases");

            migrationBuilder.DropTable(
                name: "kernel_unit_group_members");

            migrationBuilder.DropTable(
                name: "kernel_user_claims");

            migrationBuilder.DropTable(
                name: "kernel_user_logins");

            migrationBuilder.DropTable(
                name: "kernel_user_region_grants");

            migrationBuilder.DropTable(
                name: "kernel_user_roles");

            migrationBuilder.DropTable(
                name: "kernel_user_tokens");

            migrationBuilder.DropTable(
                name: "governance_targets");

            migrationBuilder.DropTable(
                name: "governance_reports");

            migrationBuilder.DropTable(
                name: "kernel_regions");

            migrationBuilder.DropTable(
                name: "kernel_unit_groups");

            migrationBuilder.DropTable(
                name: "kernel_units");

            migrationBuilder.DropTable(
                name: "kernel_roles");

            migrationBuilder.DropTable(
                name: "kernel_users");

            migrationBuilder.DropTable(
                name: "governance_tasks");

            migrationBuilder.DropTable(
                name: "governance_sections");

            migrationBuilder.DropTable(
                name: "governance_plans");
        }
    }
}
