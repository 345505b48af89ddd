using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Postgres
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "answer_file_name",
                table: "enforcement_assistance",
                type: "character varying(260)",
                maxLength: 260,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "answer_sha256",
                table: "enforcement_assistance",
                type: "character varying(64)",
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
