using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OpinionAlertPerDistrict : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_emergency_opinion_alerts_item_id",
                table: "emergency_opinion_alerts");

            migrationBuilder.CreateIndex(
                name: "ix_emergency_opinion_alerts_item_id_region_code",
                table: "emergency_opinion_alerts",
                columns: new[] { "item_id", "region_code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_emergency_opinion_alerts_item_id_region_code",
                table: "emergency_opinion_alerts");

            migrationBuilder.CreateIndex(
                name: "ix_emergency_opinion_alerts_item_id",
                table: "emergency_opinion_alerts",
                column: "item_id",
                unique: true);
        }
    }
}
