using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MamBot.Data.Migrations.Postgres
{
    /// <summary>
    /// A second wall behind the write lock: two bookings that hold the same room at overlapping times cannot exist
    /// in the database at all. Touching bookings (one ends at 12:00, the next starts then) are fine.
    /// </summary>
    public partial class BookingsCannotOverlap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // btree_gist lets one constraint compare the room with = and the hours with &&; trusted since PostgreSQL 13.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");
            migrationBuilder.Sql("""
                ALTER TABLE "Bookings" ADD CONSTRAINT "EX_Bookings_RoomHours"
                EXCLUDE USING gist ("RoomId" WITH =, tstzrange("StartUtc", "EndUtc") WITH &&)
                WHERE ("Status" IN ('Pending', 'Confirmed'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "Bookings" DROP CONSTRAINT "EX_Bookings_RoomHours";""");
        }
    }
}
