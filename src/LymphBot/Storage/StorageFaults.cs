using System.Data.Common;

namespace LymphBot.Storage;

/// <summary>
/// Says in one line what is wrong with the database and where, instead of a driver's stack trace: an operator reading
/// it should know which file or server to look at and what to do.
/// </summary>
public static class StorageFaults
{
    /// <summary>The problem in words, or <c>null</c> when <paramref name="exception"/> is not a storage fault.</summary>
    public static string? Describe(Exception exception, Database database)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(database);
        var where = database.Provider == StorageProvider.Sqlite
            ? $"the SQLite database {ProviderDrivers.SqliteFilePath(database.ConnectionString)}"
            : "the PostgreSQL database";
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case StorageUnavailableException unavailable:
                    return unavailable.Message;
                case DbException db when ProviderDrivers.DescribeFault(database.Provider, db) is { } problem:
                    return $"{where} {problem}";
                case DbException db:
                    return $"{where} failed: {FirstLine(db.Message)}";
                case UnauthorizedAccessException or IOException:
                    return $"{where} cannot be opened: {FirstLine(current.Message)}";
                case AggregateException { InnerExceptions.Count: > 0 } aggregate:
                    return Describe(aggregate.InnerExceptions[0], database);
            }
        }

        return null;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
