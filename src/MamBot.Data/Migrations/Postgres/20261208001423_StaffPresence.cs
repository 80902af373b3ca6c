using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MamBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StaffPresence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsAvailable",
                table: "StaffUsers");

            migrationBuilder.AddColumn<DateTime>(
                name: "AvailableUntilUtc",
                table: "StaffUsers",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AvailableUntilUtc",
                table: "StaffUsers");

            migrationBuilder.AddColumn<bool>(
                name: "IsAvailable",
                table: "StaffUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }
    }
}
