using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MamBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StaffCalendarFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CalendarFeedSecret",
                table: "StaffUsers",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffUsers_CalendarFeedSecret",
                table: "StaffUsers",
                column: "CalendarFeedSecret",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StaffUsers_CalendarFeedSecret",
                table: "StaffUsers");

            migrationBuilder.DropColumn(
                name: "CalendarFeedSecret",
                table: "StaffUsers");
        }
    }
}
