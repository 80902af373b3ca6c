using MamBot.Data.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MamBot.Data;

/// <summary>Lets `dotnet ef migrations add` build the context without starting the host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MamDbContext>
{
    public MamDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MamDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>The same for PostgreSQL's migrations (`--context PostgresMamDbContext`); nothing is connected to.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMamDbContext>
{
    public PostgresMamDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMamDbContext>().UseNpgsql("Host=localhost;Database=mambot_design").Options);
}
