using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MamBot.Data;

/// <summary>Lets `dotnet ef migrations add` build the context without starting the host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MamDbContext>
{
    public MamDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MamDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
