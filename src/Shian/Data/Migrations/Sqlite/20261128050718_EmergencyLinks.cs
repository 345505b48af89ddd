using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmergencyLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "emergency_incident_links",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    incident_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    target_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    linked_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    linked_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emergency_incident_links", x => x.id);
                    table.ForeignKey(
                        name: "fk_emergency_incident_links_emergency_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "emergency_incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_emergency_incident_links_incident_id_kind_target_id",
                table: "emergency_incident_links",
                columns: new[] { "incident_id", "kind", "target_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "emergency_incident_links");
        }
    }
}
