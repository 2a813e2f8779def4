namespace LymphBot.Storage;

public enum StorageProvider
{
    /// <summary>A file under ./data: one process, no server to run.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: several instances, Quartz clustering.</summary>
    Postgres,
}
