using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ComplaintStatsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "complaints")
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_insert_scale_factor", 0.02)
                .Annotation("Npgsql:StorageParameter:autovacuum_vacuum_scale_factor", 0.050000000000000003);

            migrationBuilder.CreateIndex(
                name: "ix_complaints_region_code_received_on",
                table: "complaints",
                columns: new[] { "region_code", "received_on" })
                .Annotation("Npgsql:IndexInclude", new[] { "status", "kind", "channel", "category", "substantiated", "satisfaction", "amount_recovered", "accept_by", "accepted_on", "refused_on", "verify_by", "verified_on", "closed_on", "local_reply_by", "replied_on", "reporter_told_by", "reporter_told_on", "business_name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_complaints_region_code_received_on",
                table: "complaints");

            migrationBuilder.AlterTable(
                name: "complaints")
                .OldAnnotation("Npgsql:StorageParameter:autovacuum_vacuum_insert_scale_factor", 0.02)
                .OldAnnotation("Npgsql:StorageParameter:autovacuum_vacuum_scale_factor", 0.050000000000000003);
        }
    }
}
