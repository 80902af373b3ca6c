using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MamBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RoomTextVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DescriptionEn",
                table: "Rooms",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionUk",
                table: "Rooms",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EquipmentEn",
                table: "Rooms",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EquipmentUk",
                table: "Rooms",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DescriptionEn",
                table: "Rooms");

            migrationBuilder.DropColumn(
                name: "DescriptionUk",
                table: "Rooms");

            migrationBuilder.DropColumn(
                name: "EquipmentEn",
                table: "Rooms");

            migrationBuilder.DropColumn(
                name: "EquipmentUk",
                table: "Rooms");
        }
    }
}
