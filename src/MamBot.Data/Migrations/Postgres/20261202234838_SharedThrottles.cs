using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MamBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SharedThrottles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Throttles",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Amount = table.Column<double>(type: "double precision", nullable: false),
                    StartUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Flag = table.Column<bool>(type: "boolean", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Throttles", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Throttles_ExpiresUtc",
                table: "Throttles",
                column: "ExpiresUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Throttles");
        }
    }
}
