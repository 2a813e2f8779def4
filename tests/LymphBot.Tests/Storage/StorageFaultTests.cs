using System.Net;
using LymphBot.Storage;
using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LymphBot.Tests.Storage;

/// <summary>
/// A damaged, truncated, full or unwritable database: at start, one line naming the file and the problem, exit 1;
/// while running, /readyz says writes are failing.
/// </summary>
public sealed class StorageFaultTests
{
    [Fact]
    public async Task Start_FileIsNotADatabase_OneLineNamingItAndExit1()
    {
        using var data = new TempDirectory();
        var path = data.Combine("lymphbot.db");
        await File.WriteAllBytesAsync(path, [.. Enumerable.Range(0, 20_000).Select(i => (byte)(i * 7919 % 251))]);

        var result = await StartAsync(path);

        AssertOneLineAndExit1(result, $"the SQLite database {path} is not a SQLite database");
    }

    [Fact]
    public async Task Start_TruncatedDatabase_OneLineSaysDamagedAndExit1()
    {
        using var data = new TempDirectory();
        var path = data.Combine("lymphbot.db");
        await MigrateAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)]);

        var result = await StartAsync(path);

        AssertOneLineAndExit1(result, $"the SQLite database {path} is damaged");
    }

    [Fact]
    public async Task Start_FolderCannotBeCreated_SaysWhy_NotAnotherInstance()
    {
        using var data = new TempDirectory();
        await File.WriteAllTextAsync(data.Combine("data"), "a file where the folder should be");
        var path = data.Combine("data", "lymphbot.db");

        var result = await StartAsync(path);

        AssertOneLineAndExit1(result, $"the SQLite database {path} cannot be used: its lock file");
        Assert.DoesNotContain("another LymphBot instance", result.StandardError, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Start_ReadOnlyFileSystem_SaysReadOnly_NotAnotherInstance()
    {
        using var disk = TmpfsMount.Create(4096);
        await MigrateAsync(disk.Combine("lymphbot.db"));
        disk.RemountReadOnly();

        var result = await StartAsync(disk.Combine("lymphbot.db"));

        AssertOneLineAndExit1(result, "Read-only file system");
        Assert.DoesNotContain("another LymphBot instance", result.StandardError, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Start_DiskFull_OneLineSaysDiskFullAndExit1()
    {
        using var disk = TmpfsMount.Create(1024);
        disk.Fill();

        var result = await StartAsync(disk.Combine("lymphbot.db"));

        AssertOneLineAndExit1(result, $"the SQLite database {disk.Combine("lymphbot.db")} cannot be written: the disk is full");
    }

    [SkippableFact]
    public async Task Readyz_DiskFillsUpWhileRunning_Is503UntilSpaceReturns()
    {
        using var disk = TmpfsMount.Create(8192);
        await using var app = await StartInProcessAsync(disk.Combine("lymphbot.db"));
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);

        disk.Fill();
        var full = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        disk.Free();
        var freed = await http.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.StatusCode);
        Assert.Contains("the disk is full", await full.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, freed.StatusCode);
    }

    [Fact]
    public async Task Readyz_PagesDamagedWhileRunning_Is503()
    {
        using var data = new TempDirectory();
        var path = data.Combine("lymphbot.db");
        await using var app = await StartInProcessAsync(path);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        await DamagePagesAsync(path);
        var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("is damaged", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_ChecksIntegrityAgainOnceAMinute()
    {
        using var data = new TempDirectory();
        var path = data.Combine("lymphbot.db");
        var database = await MigrateAsync(path);
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var probe = new StorageProbe(database, time);
        Assert.Null(await probe.FindProblemAsync(CancellationToken.None));

        await DamagePagesAsync(path);
        time.Advance(StorageProbe.IntegrityInterval);

        Assert.Contains("damaged", await probe.FindProblemAsync(CancellationToken.None), StringComparison.Ordinal);
    }

    private static void AssertOneLineAndExit1(ProcessResult result, string expected)
    {
        Assert.True(result.ExitCode == 1, result.ToString());
        var last = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        Assert.StartsWith("lymphbot: storage: ", last, StringComparison.Ordinal);
        Assert.Contains(expected, last, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.StandardError, StringComparison.Ordinal);
    }

    private static Task<ProcessResult> StartAsync(string databasePath) =>
        LymphBotProcess.RunAsync([$"--ConnectionStrings:LymphBot=Data Source={databasePath}", "--Console:Enabled=true"], "/start\n");

    private static async Task<Database> MigrateAsync(string path)
    {
        var database = new Database(Options.Create(new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={path}" }));
        await new SchemaMigrator(database, NullLoggerFactory.Instance).MigrateAsync(CancellationToken.None);
        SqliteConnection.ClearAllPools();
        return database;
    }

    private static async Task<WebApplication> StartInProcessAsync(string databasePath)
    {
        var builder = Program.CreateBuilder([$"--ConnectionStrings:LymphBot=Data Source={databasePath}", "--Console:Enabled=false", "--Http:Urls=http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        var app = Program.Build(builder);
        await app.StartAsync();
        return app;
    }

    /// <summary>Folds the write-ahead log into the file, then overwrites every other page after the first two.</summary>
    private static async Task DamagePagesAsync(string path)
    {
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        await using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        var garbage = Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 % 256)).ToArray();
        for (var offset = 2 * 4096L; offset < file.Length; offset += 2 * 4096)
        {
            file.Position = offset;
            await file.WriteAsync(garbage);
        }
    }
}
