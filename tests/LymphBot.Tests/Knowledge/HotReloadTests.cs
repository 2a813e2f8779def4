using LymphBot.Core.Knowledge;
using LymphBot.Knowledge;
using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LymphBot.Tests.Knowledge;

/// <summary>Editing the files while the bot runs: good edits apply within moments, broken ones keep the last good base.</summary>
public sealed class HotReloadTests
{
    private const string NewEntry = """

        ## Can I hum during lymphatic massage?
        - id: humming-test-entry
        - also: is humming allowed during a session
        - source: lymphatic-massage ¶3

        Humming test answer for the reload test.
        """;

    [Fact]
    public async Task EditWhileRunning_GoodEditApplies_BrokenEditKeepsLastGood()
    {
        using var folder = new TempDirectory();
        CopyDirectory(Path.Combine(RepositoryPaths.Root, "knowledge"), folder.Path);
        using var data = new TempDirectory();
        var logs = new List<string>();
        var builder = Program.CreateBuilder(
        [
            $"--Knowledge:Path={folder.Path}",
            "--Knowledge:ReloadDelay=00:00:00.050",
            $"--ConnectionStrings:LymphBot=Data Source={data.Combine("db.sqlite")}",
            "--Console:Enabled=false",
            "--Http:Urls=http://127.0.0.1:0",
        ]);
        builder.Logging.ClearProviders().AddProvider(new ListLoggerProvider(logs));
        await using var app = Program.Build(builder);
        await app.StartAsync();
        var knowledge = app.Services.GetRequiredService<KnowledgeBase>();
        var reloader = app.Services.GetRequiredService<KnowledgeReloader>();
        Assert.Equal(AnswerKind.NotFound, knowledge.Ask("is humming allowed during a session").Kind);

        var good = NextReload(reloader);
        await File.AppendAllTextAsync(Path.Combine(folder.Path, "entries", "wellbeing.md"), NewEntry);
        Assert.True(await good);
        Assert.Equal("humming-test-entry", knowledge.Ask("is humming allowed during a session").Entry?.Id);

        var broken = NextReload(reloader);
        await File.AppendAllTextAsync(Path.Combine(folder.Path, "entries", "wellbeing.md"), "\n## Broken entry\n- related: nowhere\n\nNo id.\n");
        Assert.False(await broken);
        Assert.Equal("humming-test-entry", knowledge.Ask("is humming allowed during a session").Entry?.Id);
        lock (logs)
        {
            Assert.Contains(logs, l => l.Contains("entries/wellbeing.md:", StringComparison.Ordinal) && l.Contains("entry 'Broken entry' has no '- id:' line", StringComparison.Ordinal));
            Assert.Contains(logs, l => l.Contains("keeping the last good base", StringComparison.Ordinal));
        }

        await app.StopAsync();
    }

    private static async Task<bool> NextReload(KnowledgeReloader reloader)
    {
        var result = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(bool ok) => result.TrySetResult(ok);
        reloader.Reloaded += Handler;
        try
        {
            return await result.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
        finally
        {
            reloader.Reloaded -= Handler;
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
