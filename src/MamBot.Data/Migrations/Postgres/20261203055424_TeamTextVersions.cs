using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MamBot.Data.Migrations.Postgres
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
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TextUk",
                table: "HouseRule",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnswerEn",
                table: "FaqEntries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnswerUk",
                table: "FaqEntries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "QuestionEn",
                table: "FaqEntries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "QuestionUk",
                table: "FaqEntries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionEn",
                table: "Events",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionUk",
                table: "Events",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TextEn",
                table: "Broadcasts",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TextUk",
                table: "Broadcasts",
                type: "character varying(1000)",
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
