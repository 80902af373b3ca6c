using MamBot.Data;

namespace MamBot.Host.Setup;

/// <summary>Config section "Storage": where the app database and the Hangfire database live.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Sqlite (a file in the data folder, the default) or Postgres ("ConnectionStrings:Mam", several hosts).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// Relative paths are taken from the folder the bot was started in. With PostgreSQL it still keeps what is
    /// this host's own (the trained classifier).
    /// </summary>
    public string DataDirectory { get; set; } = "./data";

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);
    public string AppDatabase => Path.Combine(FullDataDirectory, "mambot.db");
    public string JobsDatabase => Path.Combine(FullDataDirectory, "hangfire.db");
}

/// <summary>Config section "Jobs": the Hangfire server in this process.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    public int WorkerCount { get; set; } = 2;

    /// <summary>How often idle workers look for new jobs; lower means faster proactive messages, more SQLite reads.</summary>
    public double QueuePollSeconds { get; set; } = 5;

    /// <summary>How long delivered replies are kept before they are deleted (data minimisation).</summary>
    public int KeepRepliesDays { get; set; } = 30;
}
