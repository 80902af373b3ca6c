using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MamBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class InboundEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InboundEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", nullable: false),
                    EventId = table.Column<string>(type: "TEXT", nullable: false),
                    ChatId = table.Column<string>(type: "TEXT", nullable: false),
                    RawJson = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboundEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InboundEvents_Channel_ChatId",
                table: "InboundEvents",
                columns: new[] { "Channel", "ChatId" });

            migrationBuilder.CreateIndex(
                name: "IX_InboundEvents_Channel_EventId",
                table: "InboundEvents",
                columns: new[] { "Channel", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboundEvents_Channel_Status_Id",
                table: "InboundEvents",
                columns: new[] { "Channel", "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InboundEvents");
        }
    }
}
