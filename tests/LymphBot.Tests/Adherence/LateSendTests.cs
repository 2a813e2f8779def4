using System.Globalization;
using LymphBot.Core.Adherence;
using LymphBot.Core.Sending;
using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LymphBot.Tests.Adherence;

/// <summary>
/// The misfire grace at the sender (real Quartz, real SQLite, a fake clock): what sat in the outbox over an outage is
/// not sent hours late when the bot comes back, as the fan-out sends nothing it fires too late for.
/// </summary>
public sealed class LateSendTests
{
    [Fact]
    public async Task QueuedBeforeAnOutage_PastTheGraceWhenPickedUp_IsNotSent_AndEndsMissed()
    {
        using var data = new TempDirectory();
        var id = await QueueAndGoDownAsync(data, new FollowUp(TimeSpan.FromMinutes(20), 3));

        // Back at 11:30, more than the 2-hour grace after each of them: none goes out, each is recorded Missed.
        await using var second = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-24T11:30:00Z")));
        Assert.True(await second.AdvanceUntilAsync(
            async () => await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM reminder_deliveries WHERE state = 'Missed'") == 4,
            TimeSpan.FromMinutes(60),
            TimeSpan.FromSeconds(5)));
        Assert.Empty(second.Platform.All);
        Assert.All(
            await SqliteFile.QueryAsync<string>(data, "SELECT reason FROM reminder_deliveries"),
            reason => Assert.StartsWith("too late to send: due 2026-11-24 0", reason, StringComparison.Ordinal));

        // The day is stored Missed when the next occurrence fires, as for an occurrence the fan-out fired too late for.
        second.Time.SetUtcNow(Utc("2026-11-25T07:59:00Z"));
        Assert.True(await second.AdvanceUntilAsync(
            async () => second.Platform.All.Count == 1 && await Outcomes(second).FindAsync(id, new DateOnly(2026, 11, 24), CancellationToken.None) is not null,
            TimeSpan.FromMinutes(30),
            TimeSpan.FromSeconds(5)));
        Assert.Equal(OccurrenceOutcome.Missed, await Outcomes(second).FindAsync(id, new DateOnly(2026, 11, 24), CancellationToken.None));
    }

    [Fact]
    public async Task QueuedBeforeAShortOutage_WithinTheGrace_IsSentLate_Once()
    {
        using var data = new TempDirectory();
        await QueueAndGoDownAsync(data, null);

        await using var second = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-24T09:30:00Z")));
        Assert.True(await second.AdvanceUntilSentAsync(1, TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(5)));
        await second.AdvanceAsync(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(30));
        Assert.Single(second.Platform.All);
    }

    /// <summary>
    /// The platform asks every send to wait 5 minutes, and the bot goes down with the 08:00 occurrence (and its follow-ups,
    /// due from 08:20, if it has them) still pending in the outbox. Returns the reminder's id.
    /// </summary>
    private static async Task<long> QueueAndGoDownAsync(TempDirectory data, FollowUp? followUp)
    {
        await using var first = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-24T07:59:00Z")));
        var id = (await first.SubscribeAsync("ada", "08:00", "UTC")).Id;
        await first.App.Services.GetRequiredService<IFollowUpStore>().SetAsync(id, followUp, CancellationToken.None);
        first.Platform.Fail = _ => new SendReport(SendOutcome.RateLimited, "slow down") { RetryAfter = TimeSpan.FromMinutes(5) };
        var pending = 1 + (followUp?.Times ?? 0);
        Assert.True(await first.AdvanceUntilAsync(
            async () => first.Platform.Attempts.Count > 0 && await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM reminder_deliveries WHERE state = 'Pending'") == pending,
            TimeSpan.FromMinutes(15),
            TimeSpan.FromSeconds(2)));
        return id;
    }

    private static IOutcomeStore Outcomes(ReminderHost host) => host.App.Services.GetRequiredService<IOutcomeStore>();

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
