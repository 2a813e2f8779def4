namespace LymphBot.Storage;

/// <summary>Where everything durable lives. Section <c>Storage</c>; the connection is <c>ConnectionStrings:LymphBot</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string ConnectionStringName = "LymphBot";
    public const string DefaultSqliteConnectionString = "Data Source=./data/lymphbot.db";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>From <c>ConnectionStrings:LymphBot</c>; for SQLite the default is <c>Data Source=./data/lymphbot.db</c>.</summary>
    public string? ConnectionString { get; set; }

    public string EffectiveConnectionString =>
        string.IsNullOrWhiteSpace(ConnectionString) && Provider == StorageProvider.Sqlite ? DefaultSqliteConnectionString : ConnectionString ?? string.Empty;
}
