using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MamBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class FailedUpdates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FailedUpdates",
                columns: table => new
                {
                    Channel = table.Column<string>(type: "TEXT", nullable: false),
                    UpdateId = table.Column<string>(type: "TEXT", nullable: false),
                    ChatId = table.Column<string>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: false),
                    RawJson = table.Column<string>(type: "TEXT", nullable: false),
                    FirstFailedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastFailedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GaveUp = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FailedUpdates", x => new { x.Channel, x.UpdateId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_FailedUpdates_Channel_ChatId",
                table: "FailedUpdates",
                columns: new[] { "Channel", "ChatId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FailedUpdates");
        }
    }
}
