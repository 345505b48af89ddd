using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "enforcement_evidence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    attachment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    collected_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    collected_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    added_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enforcement_evidence", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_evidence_case_id",
                table: "enforcement_evidence",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_enforcement_evidence_case_id_attachment_id",
                table: "enforcement_evidence",
                columns: new[] { "case_id", "attachment_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enforcement_evidence");
        }
    }
}
