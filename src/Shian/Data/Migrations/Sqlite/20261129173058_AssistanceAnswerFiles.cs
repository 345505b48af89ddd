using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AssistanceAnswerFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "answer_attachment_id",
                table: "enforcement_assistance",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "answer_file_name",
                table: "enforcement_assistance",
                type: "TEXT",
                maxLength: 260,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "answer_sha256",
                table: "enforcement_assistance",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "answer_attachment_id",
                table: "enforcement_assistance");

            migrationBuilder.DropColumn(
                name: "answer_file_name",
                table: "enforcement_assistance");

            migrationBuilder.DropColumn(
                name: "answer_sha256",
                table: "enforcement_assistance");
        }
    }
}
