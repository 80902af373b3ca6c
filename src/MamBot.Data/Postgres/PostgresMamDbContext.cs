using Microsoft.EntityFrameworkCore;

namespace MamBot.Data.Postgres;

/// <summary>
/// The same model on PostgreSQL. A type of its own only so that its migrations are its own (Migrations/Postgres):
/// column types differ, and existing SQLite databases keep their migration chain.
/// </summary>
public sealed class PostgresMamDbContext(DbContextOptions<PostgresMamDbContext> options) : MamDbContext(options);
