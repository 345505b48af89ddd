using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shian.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrainingSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "programme_training_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    held_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    hours = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: false),
                    evidence = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    recorded_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_training_sessions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "programme_training_attendance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    session_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    held_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    hours = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_training_attendance", x => x.id);
                    table.ForeignKey(
                        name: "fk_programme_training_attendance_training_session_session_id",
                        column: x => x.session_id,
                        principalTable: "programme_training_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_programme_training_attendance_held_on_region_code",
                table: "programme_training_attendance",
                columns: new[] { "held_on", "region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_programme_training_attendance_session_id_user_name",
                table: "programme_training_attendance",
                columns: new[] { "session_id", "user_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_programme_training_sessions_held_on_region_code",
                table: "programme_training_sessions",
                columns: new[] { "held_on", "region_code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "programme_training_attendance");

            migrationBuilder.DropTable(
                name: "programme_training_sessions");
        }
    }
}
