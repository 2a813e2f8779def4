using System.Globalization;
using LymphBot.Core.Adherence;
using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LymphBot.Tests.Adherence;

/// <summary>
/// A press whose outcome takes two writes (a snooze and the follow-ups it skips, an outcome and the nudges it ends) makes
/// them in one transaction: on the real host's SQLite file, a trigger fails the second write as a crash between them
/// would, and the press leaves neither half.
/// </summary>
public sealed class OneStepPressTests
{
    [Fact]
    public async Task Snooze_FailingBetweenTheSnoozeAndSkippingTheFollowUps_LeavesNeitherHalf()
    {
        using var data = new TempDirectory();
        await using var host = await DeliveredWithFollowUpsAsync(data);
        var reminder = await host.Platform.NextAsync();
        await SqliteFile.ExecuteAsync(data, FailSkipping("snoozed"));

        await Record.ExceptionAsync(() => AdherenceTests.PressAsync(host, reminder.Reply, "Snooze 1 h"));

        // Not a snooze with the follow-ups still live (the member would get both), nor follow-ups skipped with no snooze.
        Assert.Equal(0L, await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM reminder_deliveries WHERE kind = 'Snooze'"));
        Assert.Equal(3L, await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM reminder_deliveries WHERE kind = 'FollowUp' AND state = 'Pending'"));

        // Pressed again once the write goes through, it is a snooze, and the follow-ups make way for it.
        await SqliteFile.ExecuteAsync(data, "DROP TRIGGER crash_between_writes");
        Assert.Contains("snooze 1 of 3", await AdherenceTests.PressAsync(host, reminder.Reply, "Snooze 1 h"), StringComparison.Ordinal);
        Assert.Equal(3L, await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM reminder_deliveries WHERE kind = 'FollowUp' AND state = 'Skipped'"));
    }

    [Fact]
    public async Task Done_FailingBetweenTheOutcomeAndSkippingTheNudges_LeavesNeitherHalf()
    {
        using var data = new TempDirectory();
        await using var host = await DeliveredWithFollowUpsAsync(data);
        var reminder = await host.Platform.NextAsync();
        await SqliteFile.ExecuteAsync(data, FailSkipping("done"));

        await Record.ExceptionAsync(() => AdherenceTests.PressAsync(host, reminder.Reply, "Done"));

        Assert.Equal(0L, await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM reminder_outcomes"));
        Assert.Equal(3L, await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM reminder_deliveries WHERE kind = 'FollowUp' AND state = 'Pending'"));
    }

    /// <summary>The 08:00 reminder sent, with follow-ups at 08:20, 08:40 and 09:00 pending.</summary>
    private static async Task<ReminderHost> DeliveredWithFollowUpsAsync(TempDirectory data)
    {
        var host = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-24T07:59:00Z")));
        var id = (await host.SubscribeAsync("ada", "08:00", "UTC")).Id;
        await host.App.Services.GetRequiredService<IFollowUpStore>().SetAsync(id, new FollowUp(TimeSpan.FromMinutes(20), 3), CancellationToken.None);
        Assert.True(await host.AdvanceUntilSentAsync(1, TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(5)));
        return host;
    }

    /// <summary>A trigger that fails skipping pending deliveries for <paramref name="reason"/>, the second of the press's writes.</summary>
    private static string FailSkipping(string reason) =>
        "CREATE TRIGGER crash_between_writes BEFORE UPDATE OF state ON reminder_deliveries " +
        $"WHEN NEW.state = 'Skipped' AND NEW.reason = '{reason}' BEGIN SELECT RAISE(ABORT, 'crash between the writes'); END";

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
