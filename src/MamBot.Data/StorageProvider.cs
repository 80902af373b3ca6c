namespace MamBot.Data;

/// <summary>Where the app's data lives (config "Storage:Provider").</summary>
public enum StorageProvider
{
    /// <summary>A file in the data folder: nothing to install, one host.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database ("ConnectionStrings:Mam"): several hosts can share it.</summary>
    Postgres,
}
