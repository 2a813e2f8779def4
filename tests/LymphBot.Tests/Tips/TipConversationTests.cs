using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;

namespace LymphBot.Tests.Tips;

/// <summary>The tip workflow and privacy commands through the console adapter on real SQLite.</summary>
public sealed class TipConversationTests
{
    private static readonly string[] Moderator = ["--Moderators:Users:0=console:local"];

    [Fact]
    public async Task Member_CanSuggest_ButNotModerate_AndRefusalsAreAudited()
    {
        using var data = new TempDirectory();

        var replies = await ConsoleSession.RunAsync(data, "/tip suggest Breathe slowly while you stretch.", "/tip add Sneaky tip", "/tip queue", "/tips daily 9:00 UTC", "/tip");

        Assert.StartsWith("Thank you! Your tip #1 is waiting for a moderator", replies[0], StringComparison.Ordinal);
        Assert.All(replies.Skip(1).Take(3), r => Assert.Equal("Only this chat's moderators can do that.", r));
        Assert.StartsWith("Usage: /tip suggest", replies[4], StringComparison.Ordinal);
        Assert.Equal(1L, await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM tips"));
        Assert.Equal(0L, await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM reminder_subscriptions"));
        Assert.Equal(3L, await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM audit_log WHERE allowed = 0"));
    }

    [Fact]
    public async Task Moderator_RunsTheWholeWorkflow_AndTheLogShowsIt()
    {
        using var data = new TempDirectory();

        var replies = await ConsoleSession.RunAsync(
            data,
            Moderator,
            "/tip suggest Keep **your** touch light @everyone",
            "/tip queue",
            "/tip approve 1",
            "/tip add Notice how your body feels today.",
            "/tip add  notice how your BODY feels today!! ",
            "/tip add " + new string('x', 1001),
            "/tip list",
            "/tip post 1",
            "/tip remove 2",
            "/tip reject 99",
            "/tip log");

        Assert.Contains("#1 Keep **your** touch light @everyone", replies[1], StringComparison.Ordinal);
        Assert.Equal("Good news: your tip #1 was approved and joins the tip of the day.", replies[2]);
        Assert.Equal("Approved tip #1.", replies[3]);
        Assert.Equal("Added tip #2.", replies[4]);
        Assert.Equal("That tip is already in the pool as #2. Nothing changed.", replies[5]);
        Assert.Contains("please keep tips to 1000", replies[6], StringComparison.Ordinal);
        Assert.Contains("#2 Notice how your body feels today.", replies[7], StringComparison.Ordinal);
        Assert.Equal("💡 Tip\nKeep **your** touch light @everyone", replies[8]);
        Assert.Equal("Removed tip #2.", replies[9]);
        Assert.StartsWith("No waiting suggestion has that id", replies[10], StringComparison.Ordinal);
        Assert.Contains("tip approve 1", replies[11], StringComparison.Ordinal);
        Assert.Contains("tip remove 2", replies[11], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TipPost_RotatesWithoutRepeatsUntilAllWereUsed()
    {
        using var data = new TempDirectory();
        var posts = Enumerable.Repeat("/tip post", 30).ToArray();

        var replies = await ConsoleSession.RunAsync(data, Moderator, posts);

        var seeds = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "knowledge", "tips.md")).Count(l => l.StartsWith("- id:", StringComparison.Ordinal));
        Assert.Equal(seeds, replies.Take(seeds).Distinct().Count());
        Assert.All(replies, r => Assert.StartsWith("💡 Tip", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TipsDaily_CreatesOneScheduleForTheChat_AndOffRemovesIt()
    {
        using var data = new TempDirectory();

        var replies = await ConsoleSession.RunAsync(data, Moderator, "/tips daily 9:00 Europe/Berlin", "/tips daily 10:00 Europe/Berlin", "/tips", "/reminders", "/tips off", "/tips");

        Assert.Equal("A tip of the day will be posted here every day at 09:00 Europe/Berlin.", replies[0]);
        Assert.StartsWith("Tip of the day: every day at 10:00 Europe/Berlin", replies[2], StringComparison.Ordinal);
        Assert.StartsWith("You have no reminders yet", replies[3], StringComparison.Ordinal);
        Assert.Equal("The tip of the day is off in this chat.", replies[4]);
        Assert.StartsWith("No tip of the day here yet", replies[5], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgetMe_AfterConfirmation_LeavesNoRowThatNamesTheUser()
    {
        using var data = new TempDirectory();

        var replies = await ConsoleSession.RunAsync(
            data,
            Moderator,
            "/start",
            "/timezone Europe/Berlin",
            "/remind 8:00",
            "1",
            "/tip suggest A tip from me",
            "/tip add A moderator tip",
            "/mydata",
            "/forgetme",
            "1",
            "/mydata");

        Assert.Contains("Time zone: Europe/Berlin", replies[6], StringComparison.Ordinal);
        Assert.Contains("Reminders: #1 08:00 Europe/Berlin", replies[6], StringComparison.Ordinal);
        Assert.Contains("Tip suggestions linked to you: 1", replies[6], StringComparison.Ordinal);
        Assert.Contains("[1] Yes, forget me", replies[7], StringComparison.Ordinal);
        Assert.Equal("Done: I've deleted everything I stored about you.", replies[8]);
        Assert.Contains("Time zone: not saved", replies[9], StringComparison.Ordinal);

        foreach (var (table, column) in new[] { ("chat_users", "user_id"), ("reminder_subscriptions", "user_id"), ("tips", "suggested_by"), ("audit_log", "actor_id") })
        {
            Assert.Equal(0L, await SqliteFile.ScalarAsync(data, $"SELECT COUNT(*) FROM {table} WHERE {column} = 'local'"));
        }

        Assert.Equal(2L, await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM tips"));
        Assert.Equal(0L, await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM reminder_deliveries"));
    }

    [Fact]
    public async Task ForgetMe_ByTheModeratorWhoSetTheTipOfTheDay_KeepsTheChatsTipOfTheDay_WithoutTheirId()
    {
        using var data = new TempDirectory();

        var replies = await ConsoleSession.RunAsync(
            data,
            Moderator,
            "/remind 8:00 Europe/Berlin",
            "1",
            "/tips daily 9:00 Europe/Berlin",
            "/forgetme",
            "1",
            "/tips",
            "/reminders");

        Assert.Equal("Done: I've deleted everything I stored about you.", replies[4]);
        Assert.StartsWith("Tip of the day: every day at 09:00 Europe/Berlin", replies[5], StringComparison.Ordinal);
        Assert.DoesNotContain("08:00", replies[6], StringComparison.Ordinal);
        Assert.Equal([("TipOfTheDay", string.Empty)], await SqliteFile.QueryAsync<(string, string)>(data, "SELECT kind, user_id FROM reminder_subscriptions"));
    }

    [Fact]
    public async Task Questions_OverTheRateLimit_GetOneNoticeThenSilence()
    {
        using var data = new TempDirectory();
        var questions = Enumerable.Repeat("what is lymphatic massage", 13).Append("/help").ToArray();

        var replies = await ConsoleSession.RunAsync(data, ["--RateLimit:PerMinute=10"], questions);

        Assert.Equal(12, replies.Count);
        Assert.StartsWith("You're sending messages faster than I can keep up with", replies[10], StringComparison.Ordinal);
        Assert.Contains("Commands", replies[11], StringComparison.Ordinal);
    }
}
