using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComplaintStatsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_complaints_region_code_received_on",
                table: "complaints",
                columns: new[] { "region_code", "received_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_complaints_region_code_received_on",
                table: "complaints");
        }
    }
}
