using System.Net;
using AngleSharp.Dom;
using LymphBot.Core.Chat;
using LymphBot.Testing.Chat;
using LymphBot.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace LymphBot.Tests.Dashboard;

/// <summary>The Overview's questions by kind and members with an active reminder, per day, each chat to its moderators.</summary>
public sealed class OverviewCompletenessTests
{
    [Fact]
    public async Task QuestionsByKind_AreCountedAsAnswered_PerChatAndDay_AModeratorSeesTheirChatOnly()
    {
        await using var host = await DashboardHost.StartAsync("--Dashboard:Operators:0=test:99");
        foreach (var (chat, question) in new[]
        {
            ("group-1", "what is lymphatic massage"),
            ("group-1", "does it help with swelling"),
            ("group-1", "best pasta recipe"),
            ("group-1", "I have chest pain"),
            ("group-2", "what is lymphatic massage"),
            ("group-2", "best pasta recipe"),
        })
        {
            await host.SayAsync(new IncomingMessage(
                new ChatAddress(RecordingPlatform.PlatformName, chat), new ChatUser(RecordingPlatform.PlatformName, "m-" + chat, "Member"), "/ask " + question, ChatKind.Group));
        }

        await host.SayAsync(new IncomingMessage(new ChatAddress(RecordingPlatform.PlatformName, "m-dm"), new ChatUser(RecordingPlatform.PlatformName, "m-dm", "Member"), "best pasta recipe"));
        using var moderator = await host.SignInAsync(await host.LinkForAdminAsync("group-1"));
        using var operatorBrowser = await host.SignInAsync(await host.LinkForAdminAsync("group-1", userId: "99"));

        var mine = await moderator.GetAsync("/dashboard");
        var every = await operatorBrowser.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, mine.Status);
        Assert.Equal("answered: 2 | clarified: 0 | not found: 1 | safety: 1", Legend(mine, "Questions per day"));
        Assert.Equal("2026-12-07" + "2" + "0" + "1" + "1", Rows(mine, "Questions per day")[0]);
        Assert.Equal("answered: 3 | clarified: 0 | not found: 3 | safety: 1", Legend(every, "Questions per day"));
        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath}");
        await connection.OpenAsync();
        await using var privateRows = connection.CreateCommand();
        privateRows.CommandText = "SELECT COUNT(*) FROM question_counts WHERE chat_id = 'm-dm'";
        Assert.Equal(0L, (long)(await privateRows.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task ActiveMembers_SnapshotHourly_PrivateChatsUnderNoId_AndChartedPerDay()
    {
        await using var host = await DashboardHost.StartAsync();
        await host.ExecuteAsync(
            "INSERT INTO reminder_subscriptions (platform, user_id, chat_id, local_time, time_zone, state, created_at, kind) VALUES " +
            "('test', 'u1', 'u1', '08:00', 'UTC', 'Active', 0, 'Routine'), ('test', 'u4', 'user:u4', '08:00', 'UTC', 'Active', 0, 'Routine'), " +
            "('test', 'u2', 'group-1', '08:00', 'UTC', 'Active', 0, 'Routine'), ('test', 'u3', 'group-1', '08:00', 'UTC', 'Active', 0, 'Routine'), " +
            "('test', 'u3', 'group-1', '20:00', 'UTC', 'Active', 0, 'Routine'), ('test', 'u5', 'group-1', '08:00', 'UTC', 'Paused', 0, 'Routine'), " +
            "('test', 'u6', 'group-2', '08:00', 'UTC', 'Active', 0, 'Routine')",
            "INSERT INTO active_members_per_day (platform, chat_id, day, members) VALUES " +
            $"('test', 'group-1', {Day(host) - 1}, 3), ('test', 'group-2', {Day(host) - 1}, 5), ('test', 'group-1', {Day(host) - 40}, 9)");

        host.Time.Advance(TimeSpan.FromHours(1));
        Assert.True(await ReminderHost.WaitUntilAsync(async () => (await SnapshotAsync(host)).Count == 3));
        Assert.Equal(["|2", "group-1|2", "group-2|1"], await SnapshotAsync(host));

        using var browser = await host.SignInAsync(await host.LinkForAdminAsync("group-1"));
        var page = await browser.GetAsync("/dashboard");

        var rows = Rows(page, "Members with at least one active reminder per day");
        Assert.Equal(["2026-12-072", "2026-12-063", "2026-12-050"], rows.Take(3));
        Assert.Equal(30, rows.Count);
    }

    private static long Day(DashboardHost host) => host.Time.GetUtcNow().ToUnixTimeMilliseconds() / 86_400_000;

    private static async Task<List<string>> SnapshotAsync(DashboardHost host)
    {
        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT chat_id, members FROM active_members_per_day WHERE day = {Day(host)} ORDER BY chat_id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add($"{reader.GetString(0)}|{reader.GetInt64(1)}");
        }

        return rows;
    }

    private static IElement Chart(DashboardBrowser.Response page, string caption) =>
        page.Document.QuerySelectorAll("figure.chart").Single(f => f.QuerySelector("figcaption")!.TextContent.StartsWith(caption, StringComparison.Ordinal));

    private static string Legend(DashboardBrowser.Response page, string caption) =>
        string.Join(" | ", Chart(page, caption).QuerySelectorAll(".legend span").Select(s => s.TextContent.Trim()));

    private static List<string> Rows(DashboardBrowser.Response page, string caption) =>
        [.. Chart(page, caption).QuerySelectorAll("details tbody tr").Select(r => r.TextContent)];
}
