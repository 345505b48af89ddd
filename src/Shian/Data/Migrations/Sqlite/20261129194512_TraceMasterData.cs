using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TraceMasterData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "master_data",
                table: "trace_captures",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "proceed",
                table: "trace_captures",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "rejected",
                table: "trace_captures",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "trace_master_data",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    business_uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    vocabulary_type = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    element_id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    gs1key = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    attributes_json = table.Column<string>(type: "TEXT", nullable: false),
                    children_json = table.Column<string>(type: "TEXT", nullable: true),
                    capture_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trace_master_data", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_trace_master_data_business_id_vocabulary_type_element_id",
                table: "trace_master_data",
                columns: new[] { "business_id", "vocabulary_type", "element_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_trace_master_data_element_id",
                table: "trace_master_data",
                column: "element_id");

            migrationBuilder.CreateIndex(
                name: "ix_trace_master_data_gs1key_kind",
                table: "trace_master_data",
                columns: new[] { "gs1key", "kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trace_master_data");

            migrationBuilder.DropColumn(
                name: "master_data",
                table: "trace_captures");

            migrationBuilder.DropColumn(
                name: "proceed",
                table: "trace_captures");

            migrationBuilder.DropColumn(
                name: "rejected",
                table: "trace_captures");
        }
    }
}
