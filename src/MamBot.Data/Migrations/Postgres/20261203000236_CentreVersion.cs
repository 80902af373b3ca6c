using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MamBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CentreVersion : Migration
    {
        private static readonly string[] CentreTables = ["Centres", "Rooms", "OpeningHours", "HouseRule", "FaqEntries"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every host keeps the centres in memory; a change anywhere bumps this number, which each host
            // compares with its copy's at most once a second (CentreCache).
            migrationBuilder.Sql("""
                CREATE TABLE "CentreVersion" ("Id" integer PRIMARY KEY CHECK ("Id" = 1), "Version" bigint NOT NULL);
                INSERT INTO "CentreVersion" VALUES (1, 0);
                CREATE FUNCTION mambot_centre_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "CentreVersion" SET "Version" = "Version" + 1 WHERE "Id" = 1;
                    RETURN NULL;
                END $$;
                """);
            foreach (var table in CentreTables)
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "TR_{table}_CentreVersion" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}"
                    FOR EACH STATEMENT EXECUTE FUNCTION mambot_centre_changed();
                    """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in CentreTables)
                migrationBuilder.Sql($"""DROP TRIGGER "TR_{table}_CentreVersion" ON "{table}";""");
            migrationBuilder.Sql("""DROP FUNCTION mambot_centre_changed(); DROP TABLE "CentreVersion";""");
        }
    }
}
