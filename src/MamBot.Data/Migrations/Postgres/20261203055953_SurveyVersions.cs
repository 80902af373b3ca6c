using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MamBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SurveyVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IntroEn",
                table: "Surveys",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IntroUk",
                table: "Surveys",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleEn",
                table: "Surveys",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleUk",
                table: "Surveys",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OptionsEn",
                table: "SurveyQuestions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OptionsUk",
                table: "SurveyQuestions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TextEn",
                table: "SurveyQuestions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TextUk",
                table: "SurveyQuestions",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IntroEn",
                table: "Surveys");

            migrationBuilder.DropColumn(
                name: "IntroUk",
                table: "Surveys");

            migrationBuilder.DropColumn(
                name: "TitleEn",
                table: "Surveys");

            migrationBuilder.DropColumn(
                name: "TitleUk",
                table: "Surveys");

            migrationBuilder.DropColumn(
                name: "OptionsEn",
                table: "SurveyQuestions");

            migrationBuilder.DropColumn(
                name: "OptionsUk",
                table: "SurveyQuestions");

            migrationBuilder.DropColumn(
                name: "TextEn",
                table: "SurveyQuestions");

            migrationBuilder.DropColumn(
                name: "TextUk",
                table: "SurveyQuestions");
        }
    }
}
