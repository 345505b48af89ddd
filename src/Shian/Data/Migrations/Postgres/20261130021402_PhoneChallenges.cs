using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PhoneChallenges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "kernel_phone_challenges",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    purpose = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    subject = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    phone_digest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    phone_masked = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    code_digest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expires_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    failed_attempts = table.Column<int>(type: "integer", nullable: false),
                    used_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_phone_challenges", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_phone_challenges_phone_digest_created_at_utc",
                table: "kernel_phone_challenges",
                columns: new[] { "phone_digest", "created_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_phone_challenges_purpose_subject_created_at_utc",
                table: "kernel_phone_challenges",
                columns: new[] { "purpose", "subject", "created_at_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kernel_phone_challenges");
        }
    }
}
