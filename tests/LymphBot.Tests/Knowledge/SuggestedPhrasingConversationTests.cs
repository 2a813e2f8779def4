using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;

namespace LymphBot.Tests.Knowledge;

/// <summary>"Did you mean…?" end to end: console adapter, the real knowledge base and SQLite.</summary>
public sealed class SuggestedPhrasingConversationTests
{
    private const string SplitQuestion = "sleep after surgery";

    [Fact]
    public async Task Clarify_TapSuggestionsApprove_SameQuestionIsAnsweredDirectly()
    {
        using var data = new TempDirectory();

        // [1] and [2] are the candidate questions; after the tap, /kb suggestions lists it with ✅ as [1].
        var replies = await ConsoleSession.RunAsync(
            data,
            ["--Moderators:Users:0=console:local"],
            SplitQuestion, "1", "/kb suggestions", "1", SplitQuestion);

        Assert.StartsWith("I'm not sure which question you mean. Did you mean one of these?", replies[0], StringComparison.Ordinal);
        Assert.Contains("Can lymphatic massage help me sleep better?", replies[0], StringComparison.Ordinal);
        Assert.Contains("sleep", replies[1], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Source:", replies[1], StringComparison.Ordinal);
        Assert.Contains("\"sleep after surgery\" → better-sleep (1×)", replies[2], StringComparison.Ordinal);
        Assert.StartsWith("Approved suggestion #1", replies[3], StringComparison.Ordinal);
        Assert.Equal(replies[1], replies[4]);
        Assert.Equal([("sleep after surgery", "better-sleep", "Approved")], await SqliteFile.QueryAsync<(string, string, string)>(data, "SELECT question, entry_id, status FROM suggested_phrasings"));
    }

    [Fact]
    public async Task ApprovedPhrasing_SurvivesRestart()
    {
        using var data = new TempDirectory();
        string[] moderator = ["--Moderators:Users:0=console:local"];
        await ConsoleSession.RunAsync(data, moderator, SplitQuestion, "1", "/kb suggestions approve 1");

        var replies = await ConsoleSession.RunAsync(data, moderator, SplitQuestion);

        Assert.Contains("Source:", replies[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", replies[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbSuggestions_Member_IsRefused_AndRejectKeepsClarifying()
    {
        using var data = new TempDirectory();

        var member = await ConsoleSession.RunAsync(data, SplitQuestion, "2", "/kb suggestions");
        var moderator = await ConsoleSession.RunAsync(data, ["--Moderators:Users:0=console:local"], "/kb suggestions reject 1", "/kb suggestions", SplitQuestion);

        Assert.StartsWith("Suggested phrasings come from every chat", member[2], StringComparison.Ordinal);
        Assert.StartsWith("Rejected suggestion #1", moderator[0], StringComparison.Ordinal);
        Assert.Equal("No suggested phrasings are waiting.", moderator[1]);
        Assert.StartsWith("I'm not sure which question you mean", moderator[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbExport_WritesApprovedPhrasingIntoItsEntryFile_Once()
    {
        using var data = new TempDirectory();
        using var knowledge = new TempDirectory();
        CopyFolder(Path.Combine(RepositoryPaths.Root, "knowledge"), knowledge.Path);
        string[] configuration = ["--Moderators:Users:0=console:local", $"--Knowledge:Path={knowledge.Path}"];
        await ConsoleSession.RunAsync(data, configuration, SplitQuestion, "1", "/kb suggestions approve 1");
        string[] export = ["kb", "export", $"--Knowledge:Path={knowledge.Path}", $"--ConnectionStrings:LymphBot=Data Source={data.Combine("lymphbot.db")}"];

        var first = await LymphBotProcess.RunAsync(export);
        var second = await LymphBotProcess.RunAsync(export);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("exported 1 approved phrasing(s) of 1 into 1 file(s)", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("exported 0 approved phrasing(s) of 1 into 0 file(s)", second.StandardOutput, StringComparison.Ordinal);
        var wellbeing = File.ReadAllLines(Path.Combine(knowledge.Path, "entries", "wellbeing.md"));
        var id = Array.IndexOf(wellbeing, "- id: better-sleep");
        Assert.Contains("- also: sleep after surgery", wellbeing[id..(id + 12)]);
        var check = await LymphBotProcess.RunAsync(["kb", "check", $"--Knowledge:Path={knowledge.Path}"]);
        Assert.True(check.ExitCode == 0, check.ToString());
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
