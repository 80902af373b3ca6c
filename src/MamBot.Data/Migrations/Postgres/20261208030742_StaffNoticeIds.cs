using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MamBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StaffNoticeIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PlatformMessageId",
                table: "OutboxMessages",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Channel_ChatId_PlatformMessageId",
                table: "OutboxMessages",
                columns: new[] { "Channel", "ChatId", "PlatformMessageId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Channel_ChatId_PlatformMessageId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "PlatformMessageId",
                table: "OutboxMessages");
        }
    }
}
