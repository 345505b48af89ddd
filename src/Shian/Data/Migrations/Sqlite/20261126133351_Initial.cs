using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "governance_assessment_schemes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    excellent_from = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    good_from = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    pass_from = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    published_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    published_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_assessment_schemes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "governance_incognito_checks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    unit_key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    unit_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    checked_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    problems = table.Column<int>(type: "INTEGER", nullable: false),
                    rating = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    recorded_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_incognito_checks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "governance_interviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    issuer_region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    subject_key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    subject_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    trigger = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    scheme_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    supervision_notice_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    year = table.Column<int>(type: "INTEGER", nullable: true),
                    proposed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    held_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    attendees = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    decided_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_interviews", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "governance_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    issuer_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    layout = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    content_hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    source_file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    source_attachment_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    imported_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    imported_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "governance_sent_reminders",
                columns: table => new
                {
                    assignment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    milestone_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    sent_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_sent_reminders", x => new { x.assignment_id, x.milestone_id, x.kind });
                });

            migrationBuilder.CreateTable(
                name: "inspections_conflicts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    inspector_id = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    declared_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspections_conflicts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inspections_draws",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    percent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    filters_json = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    seed = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    algorithm = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    pool_hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    pool_size = table.Column<int>(type: "INTEGER", nullable: false),
                    drawn = table.Column<int>(type: "INTEGER", nullable: false),
                    inspector_pool_size = table.Column<int>(type: "INTEGER", nullable: false),
                    drawn_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    snapshot = table.Column<byte[]>(type: "BLOB", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    published_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspections_draws", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inspections_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    campaign = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    filters_json = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    businesses = table.Column<int>(type: "INTEGER", nullable: false),
                    visits = table.Column<int>(type: "INTEGER", nullable: false),
                    full_checklist_visits = table.Column<int>(type: "INTEGER", nullable: false),
                    inspector_pool_size = table.Column<int>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspections_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inspections_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    submission_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    business_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    visit_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    inspected_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    checklist_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    answers_json = table.Column<string>(type: "TEXT", nullable: false),
                    result = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    inspectors = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    photo_ids = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    signature_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    rectify_by = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    case_clue = table.Column<bool>(type: "INTEGER", nullable: false),
                    case_decision_due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    follows_up_record_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    rectification_checked_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    rectified = table.Column<bool>(type: "INTEGER", nullable: true),
                    publish_by = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    published_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    recorded_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspections_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_attachments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    business_uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    storage_key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    uploaded_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    uploaded_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_attachments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    chain = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    entity_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    entity_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    before = table.Column<string>(type: "TEXT", nullable: true),
                    after = table.Column<string>(type: "TEXT", nullable: true),
                    request_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    previous_hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_cache_stamps",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    stamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    changed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_cache_stamps", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "kernel_calendar_days",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_calendar_days", x => x.date);
                });

            migrationBuilder.CreateTable(
                name: "kernel_calendar_years",
                columns: table => new
                {
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    notice = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    imported_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_calendar_years", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "kernel_job_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    job = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    instance = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    started_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    finished_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    recovering = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_job_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_outbox_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    raised_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    raised_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    request_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_outbox_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_regions",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    parent_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: true),
                    is_official = table.Column<bool>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_regions", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "kernel_roles",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_unit_groups",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    phrase = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_unit_groups", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "kernel_units",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    short_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    is_committee_member = table.Column<bool>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_units", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "kernel_users",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    business_uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", nullable: true),
                    security_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    access_failed_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_businesses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    uscc = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 18, nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    legal_representative = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    responsible_person = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    responsible_person_id = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    floor_area = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    employees = table.Column<int>(type: "INTEGER", nullable: true),
                    serves_special_population = table.Column<bool>(type: "INTEGER", nullable: false),
                    places = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    import_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_businesses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_imports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    total = table.Column<int>(type: "INTEGER", nullable: false),
                    processed = table.Column<int>(type: "INTEGER", nullable: false),
                    imported = table.Column<int>(type: "INTEGER", nullable: false),
                    error_count = table.Column<int>(type: "INTEGER", nullable: false),
                    errors_json = table.Column<string>(type: "TEXT", nullable: true),
                    message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    created_by_id = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    finished_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    scope_unrestricted = table.Column<bool>(type: "INTEGER", nullable: false),
                    scope_prefixes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_sent_reminders",
                columns: table => new
                {
                    licence_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    sent_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_sent_reminders", x => new { x.licence_id, x.kind });
                });

            migrationBuilder.CreateTable(
                name: "risk_grades",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    scheme_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    scheme_version = table.Column<int>(type: "INTEGER", nullable: false),
                    static_score = table.Column<int>(type: "INTEGER", nullable: false),
                    dynamic_score = table.Column<int>(type: "INTEGER", nullable: false),
                    total = table.Column<int>(type: "INTEGER", nullable: false),
                    grade = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    inspections_per_year_min = table.Column<int>(type: "INTEGER", nullable: false),
                    inspections_per_year_max = table.Column<int>(type: "INTEGER", nullable: false),
                    factors_json = table.Column<string>(type: "TEXT", nullable: false),
                    computed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    current = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_grades", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "risk_schemes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    province = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 2, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    definition_json = table.Column<string>(type: "TEXT", nullable: false),
                    basis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_schemes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sampling_analytes",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    group = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sampling_analytes", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "sampling_announcements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    published_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    samples = table.Column<int>(type: "INTEGER", nullable: false),
                    non_conforming = table.Column<int>(type: "INTEGER", nullable: false),
                    sample_ids = table.Column<string>(type: "text", nullable: false),
                    published_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sampling_announcements", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sampling_food_categories",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    parent_code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sampling_food_categories", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "sampling_limits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    category_code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    analyte_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    not_detectable = table.Column<bool>(type: "INTEGER", nullable: false),
                    standard = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    edition = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    effective_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    excludes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    basis = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    confidence = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    source_row = table.Column<int>(type: "INTEGER", nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sampling_limits", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sampling_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    population = table.Column<long>(type: "INTEGER", nullable: false),
                    population_source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sampling_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sampling_rapid_tests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    product_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    item = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    result = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    reading = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    tested_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    objection_until_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    tester = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    follow_up_sample_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sampling_rapid_tests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sampling_samples",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    business_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    business_uscc = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 18, nullable: true),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    business_address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    business_kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    product_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    category_code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    brand = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    specification = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    batch = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    production_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    labelled_producer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    labelled_producer_address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    quantity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    sampled_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    samplers = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    lab = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    analytes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    send_by = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    sent_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    received_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    report_due_by = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    reported_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    verdict = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    residue = table.Column<bool>(type: "INTEGER", nullable: false),
                    announcement_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    rapid_test_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sampling_samples", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "governance_assessment_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    scheme_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    weight = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    applies_to = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    target_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    deduction_per_problem = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_assessment_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_assessment_items_assessment_scheme_scheme_id",
                        column: x => x.scheme_id,
                        principalTable: "governance_assessment_schemes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_assessment_results",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    scheme_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    scheme_region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    assessee_key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    assessee_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    assessee_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    base_score = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    bonus = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    total = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    rank = table.Column<int>(type: "INTEGER", nullable: false),
                    grade = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    vetoed = table.Column<bool>(type: "INTEGER", nullable: false),
                    veto_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    targets_missed = table.Column<int>(type: "INTEGER", nullable: false),
                    items_json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_assessment_results", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_assessment_results_assessment_scheme_scheme_id",
                        column: x => x.scheme_id,
                        principalTable: "governance_assessment_schemes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_assessment_vetoes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    scheme_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    assessee_key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    recorded_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_assessment_vetoes", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_assessment_vetoes_governance_assessment_schemes_scheme_id",
                        column: x => x.scheme_id,
                        principalTable: "governance_assessment_schemes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_sections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
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
                name: "inspections_visits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    draw_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    follows_record_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    due_from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    due_by = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    full_checklist_due = table.Column<bool>(type: "INTEGER", nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    business_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    inspector_ids = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    inspector_names = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    coverage_overdue = table.Column<bool>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    inspected_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspections_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_inspections_visits_inspections_draws_draw_id",
                        column: x => x.draw_id,
                        principalTable: "inspections_draws",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_inspections_visits_inspections_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "inspections_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kernel_outbox_deliveries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    handler = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    locked_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    locked_until_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    done_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_outbox_deliveries", x => x.id);
                    table.ForeignKey(
                        name: "fk_kernel_outbox_deliveries_outbox_event_event_id",
                        column: x => x.event_id,
                        principalTable: "kernel_outbox_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kernel_population_figures",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    population = table.Column<long>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false)
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
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    role_id = table.Column<string>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    unit_key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    alias = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    is_former_name = table.Column<bool>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    origin = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
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
                    group_key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    unit_key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false)
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    read_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
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
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    provider_key = table.Column<string>(type: "TEXT", nullable: false),
                    provider_display_name = table.Column<string>(type: "TEXT", nullable: true),
                    user_id = table.Column<string>(type: "TEXT", nullable: false)
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
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false)
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
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    role_id = table.Column<string>(type: "TEXT", nullable: false)
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
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: true)
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
                name: "registry_duties",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    business_uscc = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 18, nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    since = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    evidence_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    recorded_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_duties", x => x.id);
                    table.ForeignKey(
                        name: "fk_registry_duties_registry_businesses_business_id",
                        column: x => x.business_id,
                        principalTable: "registry_businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "registry_licences",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    business_uscc = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 18, nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    issuer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    issued_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    scope = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    supersedes_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_licences", x => x.id);
                    table.ForeignKey(
                        name: "fk_registry_licences_registry_businesses_business_id",
                        column: x => x.business_id,
                        principalTable: "registry_businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sampling_quotas",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    per_thousand = table.Column<decimal>(type: "TEXT", precision: 9, scale: 3, nullable: true),
                    fixed_count = table.Column<int>(type: "INTEGER", nullable: true),
                    required = table.Column<int>(type: "INTEGER", nullable: true),
                    category_code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    business_kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sample_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    business_uscc = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 18, nullable: true),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    concluded_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    notify_by = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    notified_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    retest_apply_by = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    retest_requested_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    retest_conforming = table.Column<bool>(type: "INTEGER", nullable: true),
                    objection_filed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    objection_reason = table.Column<string>(type: "TEXT", nullable: true),
                    objection_decision_due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    objection_decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    objection_upheld = table.Column<bool>(type: "INTEGER", nullable: true),
                    action_by = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    removed_from_sale = table.Column<bool>(type: "INTEGER", nullable: false),
                    recalled = table.Column<bool>(type: "INTEGER", nullable: false),
                    cause = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    action_note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    action_completed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    case_decision_due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    case_clue_raised = table.Column<bool>(type: "INTEGER", nullable: false),
                    publish_by = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    published_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    closed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sampling_dispositions", x => x.id);
                    table.ForeignKey(
                        name: "fk_sampling_dispositions_sample_sample_id",
                        column: x => x.sample_id,
                        principalTable: "sampling_samples",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sampling_results",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sample_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    business_uscc = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 18, nullable: true),
                    analyte_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    sampled_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    lod = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    decimals = table.Column<int>(type: "INTEGER", nullable: true),
                    density = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    method = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    auto_verdict = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    verdict = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    explanation = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    limit_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    limit_text = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    override_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    overridden_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    overridden_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    retest = table.Column<bool>(type: "INTEGER", nullable: false),
                    entered_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    entered_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                name: "governance_assessment_scores",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    scheme_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    assessee_key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    points = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    entered_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    entered_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_assessment_scores", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_assessment_scores_governance_assessment_items_item_id",
                        column: x => x.item_id,
                        principalTable: "governance_assessment_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    section_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    lead_text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    units_text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    time_text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    recurring = table.Column<bool>(type: "INTEGER", nullable: false),
                    reporting_period = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
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
                name: "sampling_quota_allocations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    quota_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    population = table.Column<long>(type: "INTEGER", nullable: false),
                    required = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sampling_quota_allocations", x => x.id);
                    table.ForeignKey(
                        name: "fk_sampling_quota_allocations_sampling_quota_quota_id",
                        column: x => x.quota_id,
                        principalTable: "sampling_quotas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    task_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    unit_key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    unit_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    percent = table.Column<int>(type: "INTEGER", nullable: false),
                    last_reported_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    resolution = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    task_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    phrase = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    rule = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_governance_milestones", x => x.id);
                    table.ForeignKey(
                        name: "fk_governance_milestones_plan_task_task_id",
                        column: x => x.task_id,
                        principalTable: "governance_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    task_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    unit_key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    unit_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    percent = table.Column<int>(type: "INTEGER", nullable: false),
                    completed = table.Column<bool>(type: "INTEGER", nullable: false),
                    milestone_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    reported_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    reported_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    task_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    unit_key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    unit_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    issuer_region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    issued_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    issued_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    reply_due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reply_due_provisional = table.Column<bool>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    reply = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    replied_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    replied_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    task_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    comparator = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    deadline = table.Column<DateOnly>(type: "TEXT", nullable: true)
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    task_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
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
                    report_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    attachment_id = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    report_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    target_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false)
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
                name: "ix_governance_interviews_region_code_status",
                table: "governance_interviews",
                columns: new[] { "region_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_governance_interviews_scheme_id_subject_key",
                table: "governance_interviews",
                columns: new[] { "scheme_id", "subject_key" });

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
                name: "ix_inspections_conflicts_inspector_id_business_id",
                table: "inspections_conflicts",
                columns: new[] { "inspector_id", "business_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inspections_draws_region_code_drawn_on",
                table: "inspections_draws",
                columns: new[] { "region_code", "drawn_on" });

            migrationBuilder.CreateIndex(
                name: "ix_inspections_plans_region_code_year",
                table: "inspections_plans",
                columns: new[] { "region_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_inspections_records_business_id_inspected_on",
                table: "inspections_records",
                columns: new[] { "business_id", "inspected_on" });

            migrationBuilder.CreateIndex(
                name: "ix_inspections_records_region_code_inspected_on",
                table: "inspections_records",
                columns: new[] { "region_code", "inspected_on" });

            migrationBuilder.CreateIndex(
                name: "ix_inspections_records_submission_id",
                table: "inspections_records",
                column: "submission_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inspections_visits_business_id_status",
                table: "inspections_visits",
                columns: new[] { "business_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_inspections_visits_draw_id",
                table: "inspections_visits",
                column: "draw_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspections_visits_follows_record_id",
                table: "inspections_visits",
                column: "follows_record_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspections_visits_plan_id_due_from",
                table: "inspections_visits",
                columns: new[] { "plan_id", "due_from" });

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
                name: "ix_kernel_job_runs_job_started_at_utc",
                table: "kernel_job_runs",
                columns: new[] { "job", "started_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_notifications_user_id_read_at_utc_created_at_utc",
                table: "kernel_notifications",
                columns: new[] { "user_id", "read_at_utc", "created_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_outbox_deliveries_event_id_handler",
                table: "kernel_outbox_deliveries",
                columns: new[] { "event_id", "handler" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kernel_outbox_deliveries_status_next_attempt_at_utc",
                table: "kernel_outbox_deliveries",
                columns: new[] { "status", "next_attempt_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_outbox_events_raised_at_utc",
                table: "kernel_outbox_events",
                column: "raised_at_utc");

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

            migrationBuilder.CreateIndex(
                name: "ix_registry_businesses_name",
                table: "registry_businesses",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_registry_businesses_region_code_kind",
                table: "registry_businesses",
                columns: new[] { "region_code", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_businesses_uscc",
                table: "registry_businesses",
                column: "uscc",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_duties_business_id_kind",
                table: "registry_duties",
                columns: new[] { "business_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_duties_region_code_kind",
                table: "registry_duties",
                columns: new[] { "region_code", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_imports_created_by_created_at_utc",
                table: "registry_imports",
                columns: new[] { "created_by", "created_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_licences_business_id",
                table: "registry_licences",
                column: "business_id");

            migrationBuilder.CreateIndex(
                name: "ix_registry_licences_kind_number",
                table: "registry_licences",
                columns: new[] { "kind", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_licences_number",
                table: "registry_licences",
                column: "number");

            migrationBuilder.CreateIndex(
                name: "ix_registry_licences_region_code_valid_to",
                table: "registry_licences",
                columns: new[] { "region_code", "valid_to" });

            migrationBuilder.CreateIndex(
                name: "ix_risk_grades_business_id_current",
                table: "risk_grades",
                columns: new[] { "business_id", "current" });

            migrationBuilder.CreateIndex(
                name: "ix_risk_grades_region_code_current_grade",
                table: "risk_grades",
                columns: new[] { "region_code", "current", "grade" });

            migrationBuilder.CreateIndex(
                name: "ix_risk_schemes_code_version",
                table: "risk_schemes",
                columns: new[] { "code", "version" },
                unique: true);

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
                name: "ix_sampling_results_analyte_code_verdict_region_code_sampled_on_retest",
                table: "sampling_results",
                columns: new[] { "analyte_code", "verdict", "region_code", "sampled_on", "retest" });

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
                name: "ix_sampling_samples_region_code_category_code_business_kind_verdict_status_sampled_on",
                table: "sampling_samples",
                columns: new[] { "region_code", "category_code", "business_kind", "verdict", "status", "sampled_on" });

            migrationBuilder.CreateIndex(
                name: "ix_sampling_samples_region_code_sampled_on",
                table: "sampling_samples",
                columns: new[] { "region_code", "sampled_on" });
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
                name: "governance_assignments");

            migrationBuilder.DropTable(
                name: "governance_incognito_checks");

            migrationBuilder.DropTable(
                name: "governance_interviews");

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
                name: "inspections_conflicts");

            migrationBuilder.DropTable(
                name: "inspections_records");

            migrationBuilder.DropTable(
                name: "inspections_visits");

            migrationBuilder.DropTable(
                name: "kernel_attachments");

            migrationBuilder.DropTable(
                name: "kernel_audit_entries");

            migrationBuilder.DropTable(
                name: "kernel_cache_stamps");

            migrationBuilder.DropTable(
                name: "kernel_calendar_days");

            migrationBuilder.DropTable(
                name: "kernel_calendar_years");

            migrationBuilder.DropTable(
                name: "kernel_job_runs");

            migrationBuilder.DropTable(
                name: "kernel_notifications");

            migrationBuilder.DropTable(
                name: "kernel_outbox_deliveries");

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
                name: "registry_duties");

            migrationBuilder.DropTable(
                name: "registry_imports");

            migrationBuilder.DropTable(
                name: "registry_licences");

            migrationBuilder.DropTable(
                name: "registry_sent_reminders");

            migrationBuilder.DropTable(
                name: "risk_grades");

            migrationBuilder.DropTable(
                name: "risk_schemes");

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
                name: "governance_assessment_items");

            migrationBuilder.DropTable(
                name: "governance_targets");

            migrationBuilder.DropTable(
                name: "governance_reports");

            migrationBuilder.DropTable(
                name: "inspections_draws");

            migrationBuilder.DropTable(
                name: "inspections_plans");

            migrationBuilder.DropTable(
                name: "kernel_outbox_events");

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
                name: "registry_businesses");

            migrationBuilder.DropTable(
                name: "sampling_quotas");

            migrationBuilder.DropTable(
                name: "sampling_samples");

            migrationBuilder.DropTable(
                name: "governance_assessment_schemes");

            migrationBuilder.DropTable(
                name: "governance_tasks");

            migrationBuilder.DropTable(
                name: "sampling_plans");

            migrationBuilder.DropTable(
                name: "governance_sections");

            migrationBuilder.DropTable(
                name: "governance_plans");
        }
    }
}
