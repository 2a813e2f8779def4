using System.Globalization;
using LymphBot.Core.Adherence;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LymphBot.Tests.Adherence;

/// <summary>How occurrences end, on the real host (real Quartz, real SQLite) driven by a fake clock.</summary>
public sealed class AdherenceTests
{
    [Fact]
    public async Task Snooze_IsDurable_SentOnceAfterARestart_AndDoneThenStoresSnoozedThenDone()
    {
        using var data = new TempDirectory();
        long id;
        DateTimeOffset pressedAt;
        await using (var first = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-24T07:59:00Z"))))
        {
            id = (await first.SubscribeAsync("ada", "08:00", "UTC")).Id;
            Assert.True(await first.AdvanceUntilSentAsync(1, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10)));
            var reminder = await first.Platform.NextAsync();
            pressedAt = first.Time.GetUtcNow();
            Assert.Contains("snooze 1 of 3", await PressAsync(first, reminder.Reply, "Snooze 1 h"), StringComparison.Ordinal);
        }

        // Down from about 08:00 to 08:30; the snooze is due at about 09:00 and lives in the database, not in the process.
        await using var second = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-24T08:30:00Z")));
        Assert.True(await second.AdvanceUntilSentAsync(1, TimeSpan.FromHours(1), TimeSpan.FromSeconds(30)));
        var due = DateTimeOffset.FromUnixTimeMilliseconds(await SqliteFile.ScalarAsync(data, "SELECT due_at FROM reminder_deliveries WHERE kind = 'Snooze'"));
        Assert.Equal(pressedAt.AddHours(1).ToUnixTimeMilliseconds(), due.ToUnixTimeMilliseconds());
        Assert.True(second.Platform.Attempts[0] >= due);
        var snoozed = await second.Platform.NextAsync();
        Assert.Contains("Snoozed reminder", snoozed.Reply.Text, StringComparison.Ordinal);
        Assert.StartsWith("Well done!", await PressAsync(second, snoozed.Reply, "Done"), StringComparison.Ordinal);
        await second.AdvanceAsync(TimeSpan.FromHours(4), TimeSpan.FromMinutes(1));

        Assert.Single(second.Platform.All);
        Assert.Equal(OccurrenceOutcome.SnoozedThenDone, await Outcomes(second).FindAsync(id, new DateOnly(2026, 11, 24), CancellationToken.None));
    }

    [Fact]
    public async Task DonePressedASecondBeforeTheSnoozeIsDue_TheSnoozeIsNeverSent()
    {
        using var data = new TempDirectory();
        await using var host = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-24T07:59:00Z")));
        var id = (await host.SubscribeAsync("ada", "08:00", "UTC")).Id;
        Assert.True(await host.AdvanceUntilSentAsync(1, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10)));
        var reminder = await host.Platform.NextAsync();
        await PressAsync(host, reminder.Reply, "Snooze 15 min");

        host.Time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        Assert.StartsWith("Well done!", await PressAsync(host, reminder.Reply, "Done"), StringComparison.Ordinal);
        await host.AdvanceAsync(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1));

        Assert.Single(host.Platform.All);
        Assert.Equal(OccurrenceOutcome.SnoozedThenDone, await Outcomes(host).FindAsync(id, new DateOnly(2026, 11, 24), CancellationToken.None));
    }

    [Fact]
    public async Task NotTicked_IsStoredMissed_WhenTheNextOccurrenceFires()
    {
        using var data = new TempDirectory();
        await using var host = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-24T06:59:00Z")));
        var id = (await host.SubscribeAsync("ada", "08:00", "Europe/Berlin")).Id; // 07:00 UTC

        Assert.True(await host.AdvanceUntilSentAsync(1, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10)));
        host.Time.SetUtcNow(Utc("2026-11-25T06:59:00Z"));
        Assert.True(await host.AdvanceUntilAsync(
            async () => host.Platform.All.Count == 2 && await Outcomes(host).FindAsync(id, new DateOnly(2026, 11, 24), CancellationToken.None) is not null,
            TimeSpan.FromMinutes(10),
            TimeSpan.FromSeconds(10)));

        Assert.Equal(
            [(new DateOnly(2026, 11, 24), OccurrenceOutcome.Missed)],
            (await Outcomes(host).ListAsync(id, new DateOnly(2026, 11, 1), CancellationToken.None)).Select(o => (o.LocalDate, o.Outcome)));
    }

    [Fact]
    public async Task SnoozeOfADayStoredMissed_IsNeverSent()
    {
        using var data = new TempDirectory();
        await using var host = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-24T07:59:00Z")));
        var id = (await host.SubscribeAsync("ada", "08:00", "UTC")).Id;
        Assert.True(await host.AdvanceUntilSentAsync(1, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10)));
        var tuesday = await host.Platform.NextAsync();

        // Snoozed for 3 hours the next morning, an hour before Wednesday's reminder: Tuesday is stored Missed when that
        // fires, so its buttons no longer work, and its snooze (due 09:59) must not come after all.
        host.Time.SetUtcNow(Utc("2026-11-25T06:59:00Z"));
        Assert.Contains("snooze 1 of 3", await PressAsync(host, tuesday.Reply, "Snooze 3 h"), StringComparison.Ordinal);
        host.Time.SetUtcNow(Utc("2026-11-25T07:59:00Z"));
        Assert.True(await host.AdvanceUntilAsync(
            async () => host.Platform.All.Count == 2 && await Outcomes(host).FindAsync(id, new DateOnly(2026, 11, 24), CancellationToken.None) is not null,
            TimeSpan.FromMinutes(60),
            TimeSpan.FromSeconds(5)));
        Assert.Equal(OccurrenceOutcome.Missed, await Outcomes(host).FindAsync(id, new DateOnly(2026, 11, 24), CancellationToken.None));

        host.Time.SetUtcNow(Utc("2026-11-25T09:58:00Z"));
        Assert.True(await host.AdvanceUntilAsync(
            async () => await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM reminder_deliveries WHERE kind = 'Snooze' AND state NOT IN ('Pending', 'Sending')") == 1,
            TimeSpan.FromMinutes(60),
            TimeSpan.FromSeconds(5)));

        Assert.Equal(2, host.Platform.All.Count);
        Assert.Equal("Skipped", (await SqliteFile.QueryAsync<string>(data, "SELECT state FROM reminder_deliveries WHERE kind = 'Snooze'")).Single());
    }

    [Fact]
    public async Task PausedAfterSnoozing_TheSnoozeIsNotSent_AndAfterResumeTheNextDayIsSent()
    {
        using var data = new TempDirectory();
        await using var host = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-24T07:59:00Z")));
        var routine = (await host.SubscribeAsync("ada", "08:00", "UTC")).Routine;
        Assert.True(await host.AdvanceUntilSentAsync(1, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10)));
        var reminder = await host.Platform.NextAsync();
        Assert.Contains("snooze 1 of 3", await PressAsync(host, reminder.Reply, "Snooze 1 h"), StringComparison.Ordinal);

        Assert.StartsWith("Paused reminder", await SendAsync(host, "/remind pause " + routine), StringComparison.Ordinal);
        Assert.True(await host.AdvanceUntilAsync(
            async () => await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM reminder_deliveries WHERE kind = 'Snooze' AND state NOT IN ('Pending', 'Sending')") == 1,
            TimeSpan.FromHours(3),
            TimeSpan.FromMinutes(1)));
        Assert.Equal("Skipped", (await SqliteFile.QueryAsync<string>(data, "SELECT state FROM reminder_deliveries WHERE kind = 'Snooze'")).Single());
        Assert.Single(host.Platform.All);

        // Resumed the same day: the next morning's reminder comes as usual (the pause silenced the snooze, not the routine).
        Assert.Contains("is on again", await SendAsync(host, "/remind resume " + routine), StringComparison.Ordinal);
        host.Time.SetUtcNow(Utc("2026-11-25T07:59:00Z"));
        Assert.True(await host.AdvanceUntilSentAsync(2, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task RestDayPlannedAfterTheReminderWentOut_EndsItsFollowUps_AndStaysRestWhenTheSlotNextFires()
    {
        using var data = new TempDirectory();
        await using var host = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-24T07:59:00Z")));
        var subscription = await host.SubscribeAsync("ada", "08:00", "UTC");
        await host.App.Services.GetRequiredService<IFollowUpStore>().SetAsync(subscription.Id, new FollowUp(TimeSpan.FromMinutes(20), 3), CancellationToken.None);
        Assert.True(await host.AdvanceUntilSentAsync(1, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10)));

        host.Time.SetUtcNow(Utc("2026-11-24T08:10:00Z"));
        Assert.StartsWith("Rest day planned", await SendAsync(host, $"/remind rest {subscription.Routine} today"), StringComparison.Ordinal);
        await host.AdvanceAsync(TimeSpan.FromHours(2), TimeSpan.FromMinutes(1));
        Assert.Single(host.Platform.All);

        // The next morning's slot closes the days before it that have no outcome as Missed: the rest day has one.
        host.Time.SetUtcNow(Utc("2026-11-25T07:59:00Z"));
        Assert.True(await host.AdvanceUntilSentAsync(2, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10)));
        Assert.Equal(OccurrenceOutcome.Rest, await Outcomes(host).FindAsync(subscription.Id, new DateOnly(2026, 11, 24), CancellationToken.None));
        Assert.Equal(3, await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM reminder_deliveries WHERE kind = 'FollowUp' AND local_date = '2026-11-24' AND state = 'Skipped'"));
    }

    private static IOutcomeStore Outcomes(ReminderHost host) => host.App.Services.GetRequiredService<IOutcomeStore>();

    /// <summary>Ada presses the button labelled <paramref name="label"/> on a delivered reminder; the answer as plain text.</summary>
    internal static async Task<string> PressAsync(ReminderHost host, Reply reply, string label)
    {
        var data = reply.Buttons.SelectMany(r => r).Single(b => b.Label == label).Data;
        var answer = await host.App.Services.GetRequiredService<CommandRouter>().HandleAsync(
            new IncomingMessage(new ChatAddress("test", "chat-ada"), new ChatUser("test", "ada", "ada"), string.Empty, ButtonData: data), CancellationToken.None);
        return ReplyMarkup.ToPlainText(answer!.Text);
    }

    private static async Task<string> SendAsync(ReminderHost host, string text)
    {
        var answer = await host.App.Services.GetRequiredService<CommandRouter>().HandleAsync(
            new IncomingMessage(new ChatAddress("test", "chat-ada"), new ChatUser("test", "ada", "ada"), text), CancellationToken.None);
        return ReplyMarkup.ToPlainText(answer!.Text);
    }

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
