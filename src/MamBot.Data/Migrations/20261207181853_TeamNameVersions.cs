using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MamBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class TeamNameVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NameEn",
                table: "Rooms",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameUk",
                table: "Rooms",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OrganiserEn",
                table: "Events",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OrganiserUk",
                table: "Events",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleEn",
                table: "Events",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleUk",
                table: "Events",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "KeyPickupEn",
                table: "Centres",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "KeyPickupUk",
                table: "Centres",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NameEn",
                table: "Rooms");

            migrationBuilder.DropColumn(
                name: "NameUk",
                table: "Rooms");

            migrationBuilder.DropColumn(
                name: "OrganiserEn",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "OrganiserUk",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "TitleEn",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "TitleUk",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "KeyPickupEn",
                table: "Centres");

            migrationBuilder.DropColumn(
                name: "KeyPickupUk",
                table: "Centres");
        }
    }
}
