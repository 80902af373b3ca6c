using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MamBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class TeamTextVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TextEn",
                table: "HouseRule",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TextUk",
                table: "HouseRule",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnswerEn",
                table: "FaqEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnswerUk",
                table: "FaqEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "QuestionEn",
                table: "FaqEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "QuestionUk",
                table: "FaqEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionEn",
                table: "Events",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionUk",
                table: "Events",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TextEn",
                table: "Broadcasts",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TextUk",
                table: "Broadcasts",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TextEn",
                table: "HouseRule");

            migrationBuilder.DropColumn(
                name: "TextUk",
                table: "HouseRule");

            migrationBuilder.DropColumn(
                name: "AnswerEn",
                table: "FaqEntries");

            migrationBuilder.DropColumn(
                name: "AnswerUk",
                table: "FaqEntries");

            migrationBuilder.DropColumn(
                name: "QuestionEn",
                table: "FaqEntries");

            migrationBuilder.DropColumn(
                name: "QuestionUk",
                table: "FaqEntries");

            migrationBuilder.DropColumn(
                name: "DescriptionEn",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "DescriptionUk",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "TextEn",
                table: "Broadcasts");

            migrationBuilder.DropColumn(
                name: "TextUk",
                table: "Broadcasts");
        }
    }
}
