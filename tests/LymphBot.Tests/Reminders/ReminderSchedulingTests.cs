using System.Globalization;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Scheduling;
using LymphBot.Core.Sending;
using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LymphBot.Tests.Reminders;

/// <summary>Real Quartz and SQLite driven by a fake clock: reminders fire at local wall-clock time, DST included.</summary>
public sealed class ReminderSchedulingTests
{
    [Fact]
    public async Task DailyReminder_FiresAtLocalTime_WithDoneSkipAndSnoozeButtons()
    {
        using var data = new TempDirectory();
        var time = new FakeTimeProvider(Utc("2026-11-24T06:58:00Z")); // 07:58 in Berlin
        await using var host = await ReminderHost.StartAsync(data, time);
        var subscription = await host.SubscribeAsync("ada", "08:00", "Europe/Berlin");

        Assert.True(await host.AdvanceUntilSentAsync(1, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1)));
        var first = await host.Platform.NextAsync();
        Assert.InRange(host.Platform.Attempts[0], Utc("2026-11-24T07:00:00Z"), Utc("2026-11-24T07:00:30Z"));

        Assert.Equal(new ChatAddress("test", "chat-ada"), first.Address);
        Assert.Contains("Your daily routine", first.Reply.Text, StringComparison.Ordinal);
        Assert.Contains("💡 Tip of the day: ", first.Reply.Text, StringComparison.Ordinal);
        Assert.Equal([["Done", "Skip"], ["Snooze 15 min", "Snooze 1 h", "Snooze 3 h"]], first.Reply.Buttons.Select(row => row.Select(b => b.Label)));
        Assert.True(await host.AdvanceUntilAsync(async () => (await host.Deliveries.LatestAsync(subscription.Id, CancellationToken.None))?.State == DeliveryState.Sent, TimeSpan.FromSeconds(10)));
        var delivery = await host.Deliveries.LatestAsync(subscription.Id, CancellationToken.None);
        Assert.Equal((DeliveryState.Sent, Utc("2026-11-24T07:00:00Z"), new DateOnly(2026, 11, 24)), (delivery!.State, delivery.DueAt, delivery.LocalDate));
        Assert.False(host.Platform.TryNext(out _));
    }

    [Theory]
    [InlineData("Europe/Berlin", "02:30", "2027-03-28T00:55:00Z", "2027-03-28T01:00:00Z")] // 02:30 does not exist: 03:00 CEST
    [InlineData("Europe/Berlin", "09:00", "2027-03-28T06:55:00Z", "2027-03-28T07:00:00Z")] // stays 09:00 local after the change
    [InlineData("America/New_York", "02:30", "2027-03-14T06:55:00Z", "2027-03-14T07:00:00Z")] // 03:00 EDT
    [InlineData("Asia/Kolkata", "08:00", "2027-01-10T02:25:00Z", "2027-01-10T02:30:00Z")] // half-hour zone
    public async Task SpringForwardAndHalfHourZones_FireAtTheFirstValidLocalMinute(string zone, string at, string start, string expected)
    {
        using var data = new TempDirectory();
        await using var host = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc(start)));
        var subscription = await host.SubscribeAsync("ada", at, zone);

        Assert.True(await host.AdvanceUntilSentAsync(1, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(10)));

        Assert.Equal(Utc(expected), (await host.Deliveries.LatestAsync(subscription.Id, CancellationToken.None))!.DueAt);
        Assert.Equal(Utc(expected), DailySchedule.Next(Utc(start), TimeOnly.Parse(at, CultureInfo.InvariantCulture), TimeZones.Find(zone), 1)[0]);
    }

    [Theory]
    [InlineData("Europe/Berlin", "02:30", "2027-10-31T00:20:00Z", "2027-10-31T00:30:00Z")] // 02:30 happens twice: the first, CEST
    [InlineData("America/New_York", "01:30", "2027-11-07T05:20:00Z", "2027-11-07T05:30:00Z")] // 01:30 twice: the first, EDT
    public async Task FallBack_RepeatedTime_FiresOnce(string zone, string at, string start, string expected)
    {
        using var data = new TempDirectory();
        await using var host = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc(start)));
        var subscription = await host.SubscribeAsync("ada", at, zone);

        Assert.True(await host.AdvanceUntilSentAsync(1, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(30)));
        await host.AdvanceAsync(TimeSpan.FromHours(2), TimeSpan.FromSeconds(60));

        Assert.Single(host.Platform.All);
        Assert.Equal(Utc(expected), (await host.Deliveries.LatestAsync(subscription.Id, CancellationToken.None))!.DueAt);
    }

    [Fact]
    public async Task PauseForADay_SkipsThatDay_ThenResumesByItself()
    {
        using var data = new TempDirectory();
        var time = new FakeTimeProvider(Utc("2026-11-24T08:30:00Z"));
        await using var host = await ReminderHost.StartAsync(data, time);
        var subscription = await host.SubscribeAsync("ada", "08:00", "UTC");
        await host.Reminders.UpdateStateAsync(subscription.Id, ReminderState.Paused, time.GetUtcNow().AddDays(1), "paused by you for 1 day(s)", CancellationToken.None);

        time.SetUtcNow(Utc("2026-11-25T07:59:00Z"));
        await host.AdvanceAsync(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(10));
        await Task.Delay(200);
        Assert.Empty(host.Platform.All);

        time.SetUtcNow(Utc("2026-11-26T07:59:00Z"));
        Assert.True(await host.AdvanceUntilSentAsync(1, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10)));

        Assert.Equal(ReminderState.Active, (await host.Reminders.FindAsync(subscription.Id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task Snooze_DeliversOnceMore15MinutesLater_OnlyOnce_AndDoneStopsNudges()
    {
        using var data = new TempDirectory();
        var time = new FakeTimeProvider(Utc("2026-11-24T07:59:00Z"));
        await using var host = await ReminderHost.StartAsync(data, time);
        await host.SubscribeAsync("ada", "08:00", "UTC");
        Assert.True(await host.AdvanceUntilSentAsync(1, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10)));
        var first = await host.Platform.NextAsync();

        var snoozed = await PressAsync(host, first.Reply.Buttons[1][0].Data);
        Assert.StartsWith("Snoozed: I'll remind you again in 15 min (snooze 1 of 3).", snoozed, StringComparison.Ordinal);
        Assert.StartsWith("You've already snoozed this message", await PressAsync(host, first.Reply.Buttons[1][0].Data), StringComparison.Ordinal);
        var pressedAt = host.Time.GetUtcNow();
        Assert.True(await host.AdvanceUntilSentAsync(2, TimeSpan.FromMinutes(20), TimeSpan.FromSeconds(20)));
        var second = host.Platform.All[1];
        Assert.True(host.Platform.Attempts[1] - pressedAt >= TimeSpan.FromMinutes(15));
        Assert.Contains("Snoozed reminder", second.Reply.Text, StringComparison.Ordinal);

        Assert.StartsWith("Well done!", await PressAsync(host, second.Reply.Buttons[0][0].Data), StringComparison.Ordinal);
        Assert.StartsWith("You've already ticked this one off", await PressAsync(host, second.Reply.Buttons[1][0].Data), StringComparison.Ordinal);
        Assert.StartsWith("That reminder button no longer works", await PressAsync(host, first.Reply.Buttons[0][0].Data, userId: "mallory"), StringComparison.Ordinal);
        await host.AdvanceAsync(TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(30));
        Assert.Equal(2, host.Platform.All.Count);
    }

    [Fact]
    public async Task Restart_WithinMisfireGrace_DeliversLateOnce_BeyondIt_RecordsMissed()
    {
        using var data = new TempDirectory();
        long late, missed;
        await using (var first = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-24T07:00:00Z"))))
        {
            late = (await first.SubscribeAsync("ada", "08:00", "UTC")).Id;
            missed = (await first.SubscribeAsync("bob", "06:00", "Europe/London")).Id; // due 2026-11-25 06:00 next
        }

        // Down from 07:00 to 09:00: the 08:00 occurrence is 1 hour late, inside the 2-hour grace.
        await using (var second = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-24T09:00:00Z"))))
        {
            Assert.True(await second.AdvanceUntilAsync(async () => (await second.Deliveries.LatestAsync(late, CancellationToken.None))?.State == DeliveryState.Sent, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(2)));
            Assert.Equal("chat-ada", Assert.Single(second.Platform.All).Address.ChatId);
        }

        // Down again until 09:30 the next day: bob's 06:00 is 3.5 hours late, ada's 08:00 1.5 hours.
        await using var third = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-25T09:30:00Z")));
        Assert.True(await third.AdvanceUntilAsync(async () => (await third.Deliveries.LatestAsync(missed, CancellationToken.None)) is not null && third.Platform.All.Count > 0, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(2)));
        await third.AdvanceAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("chat-ada", Assert.Single(third.Platform.All).Address.ChatId);
        var bob = await third.Deliveries.LatestAsync(missed, CancellationToken.None);
        Assert.Equal(DeliveryState.Missed, bob!.State);
        Assert.Contains("bot was down", bob.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableChat_PausesSubscriptionWithReason_AndIsNotRetried()
    {
        using var data = new TempDirectory();
        var time = new FakeTimeProvider(Utc("2026-11-24T07:59:00Z"));
        await using var host = await ReminderHost.StartAsync(data, time);
        var subscription = await host.SubscribeAsync("ada", "08:00", "UTC");
        var attempts = 0;
        host.Platform.Fail = _ =>
        {
            Interlocked.Increment(ref attempts);
            return new SendReport(SendOutcome.Unreachable, "Forbidden: bot was blocked by the user");
        };

        Assert.True(await host.AdvanceUntilAsync(async () => (await host.Reminders.FindAsync(subscription.Id, CancellationToken.None))!.State == ReminderState.Paused, TimeSpan.FromMinutes(5)));
        await host.AdvanceAsync(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(10));

        var paused = await host.Reminders.FindAsync(subscription.Id, CancellationToken.None);
        Assert.Equal(ReminderState.Paused, paused!.State);
        Assert.Contains("bot was blocked", paused.PauseReason, StringComparison.Ordinal);
        Assert.Equal(1, attempts);
        Assert.Equal(DeliveryState.Failed, (await host.Deliveries.LatestAsync(subscription.Id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task RateLimited_WaitsRetryAfter_ThenDelivers()
    {
        using var data = new TempDirectory();
        var time = new FakeTimeProvider(Utc("2026-11-24T07:59:00Z"));
        await using var host = await ReminderHost.StartAsync(data, time);
        await host.SubscribeAsync("ada", "08:00", "UTC");
        var calls = 0;
        host.Platform.Fail = _ => Interlocked.Increment(ref calls) == 1
            ? new SendReport(SendOutcome.RateLimited, "Too Many Requests: retry after 20") { RetryAfter = TimeSpan.FromSeconds(20) }
            : null;

        Assert.True(await host.AdvanceUntilSentAsync(1, TimeSpan.FromMinutes(5)));

        var attempts = host.Platform.Attempts;
        Assert.True(attempts[1] - attempts[0] >= TimeSpan.FromSeconds(20), $"retried after {attempts[1] - attempts[0]}");
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task NoAnswerAfterTheRequestLeft_WithoutIdempotencyKeys_RecordedSentUnconfirmed_NeverSentAgain()
    {
        using var data = new TempDirectory();
        var time = new FakeTimeProvider(Utc("2026-11-24T07:59:00Z"));
        await using var host = await ReminderHost.StartAsync(data, time);
        var subscription = await host.SubscribeAsync("ada", "08:00", "UTC");
        host.Platform.Fail = _ => new SendReport(SendOutcome.Unknown, "no answer within 30 s");

        Assert.True(await host.AdvanceUntilAsync(
            async () => (await host.Deliveries.LatestAsync(subscription.Id, CancellationToken.None))?.State == DeliveryState.SentUnconfirmed, TimeSpan.FromMinutes(5)));
        await host.AdvanceAsync(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10));

        Assert.Single(host.Platform.Attempts);
        Assert.Equal(DeliveryState.SentUnconfirmed, (await host.Deliveries.LatestAsync(subscription.Id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task NoAnswerAfterTheRequestLeft_OnAPlatformThatDeduplicates_SentAgainWithTheSameKey()
    {
        using var data = new TempDirectory();
        var time = new FakeTimeProvider(Utc("2026-11-24T07:59:00Z"));
        await using var host = await ReminderHost.StartAsync(data, time);
        var subscription = await host.SubscribeAsync("ada", "08:00", "UTC");
        host.Platform.DeduplicatesRepeats = true;
        var calls = 0;
        host.Platform.Fail = _ => Interlocked.Increment(ref calls) == 1 ? new SendReport(SendOutcome.Unknown, "502 Bad Gateway") : null;

        Assert.True(await host.AdvanceUntilSentAsync(1, TimeSpan.FromMinutes(5)));

        Assert.Equal(2, calls);
        Assert.True(await ReminderHost.WaitUntilAsync(async () => (await host.Deliveries.LatestAsync(subscription.Id, CancellationToken.None))?.State == DeliveryState.Sent));
        Assert.Equal($"rem-{(await host.Deliveries.LatestAsync(subscription.Id, CancellationToken.None))!.Id}", host.Platform.All[0].Reply.IdempotencyKey);
    }

    [Fact]
    public async Task NotSent_RetriedWithBackoff_UntilSentOnce_ThenFailedAfterMaxAttempts()
    {
        using var data = new TempDirectory();
        var time = new FakeTimeProvider(Utc("2026-11-24T07:59:00Z"));
        await using var host = await ReminderHost.StartAsync(data, time, "--Reminders:MaxAttempts=4");
        var subscription = await host.SubscribeAsync("ada", "08:00", "UTC");
        host.Platform.Fail = _ => new SendReport(SendOutcome.NotSent, "connection refused");

        Assert.True(await host.AdvanceUntilAsync(
            async () => (await host.Deliveries.LatestAsync(subscription.Id, CancellationToken.None))?.State == DeliveryState.Failed, TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(500)));

        // 1 s, 2 s, 4 s apart (as the outbox's sender notices them, within its 1-s poll).
        var attempts = host.Platform.Attempts;
        Assert.Equal(4, attempts.Count);
        Assert.True(attempts[3] - attempts[2] > attempts[1] - attempts[0], $"the waits between attempts grow: {string.Join(", ", attempts)}");
    }

    [Fact]
    public async Task SendThatHangs_HoldsOnlyItsOwnPlace_LaterRemindersGoOutMeanwhile()
    {
        // The fault run (bench/LymphBot.Faults.Bench) saw every reminder after a hung sendMessage wait for it: the sender
        // claimed its next batch only once the slowest send of the last one had ended, up to the client's 30-s timeout.
        using var data = new TempDirectory();
        var time = new FakeTimeProvider(Utc("2026-11-24T07:59:00Z"));
        await using var host = await ReminderHost.StartAsync(data, time);
        await host.SubscribeAsync("ada", "08:00", "UTC");
        var bob = await host.SubscribeAsync("bob", "08:01", "UTC");
        var hung = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Platform.Answer = chat => chat.ChatId == "chat-ada" ? hung.Task : Task.CompletedTask;
        try
        {
            Assert.True(await host.AdvanceUntilAsync(() => Task.FromResult(host.Platform.Attempts.Count >= 1), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1)), "ada's send started");

            // Ada's send has no answer yet; bob's reminder, due a minute later, does not wait for it.
            Assert.True(await host.AdvanceUntilSentAsync(1, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1)), "bob's reminder went out while ada's send hung");
            Assert.Equal("chat-bob", host.Platform.All[0].Address.ChatId);
            Assert.True(
                await ReminderHost.WaitUntilAsync(async () => (await host.Deliveries.LatestAsync(bob.Id, CancellationToken.None))?.State == DeliveryState.Sent),
                "bob's reminder was recorded as sent while ada's send hung");
        }
        finally
        {
            hung.TrySetResult();
        }

        Assert.True(await host.AdvanceUntilSentAsync(2, TimeSpan.FromMinutes(1)), "ada's send answered in the end");
    }

    [Fact]
    public async Task SendSlowerThanTheClaimTimeout_IsNotTakenBackByItsOwnSender_SentOnce()
    {
        // Claims older than Reminders:ClaimTimeout are a dead sender's; one this sender still holds is not, however
        // slow its send (a hang, a long retry_after). Taking it back would send the reminder twice.
        using var data = new TempDirectory();
        var time = new FakeTimeProvider(Utc("2026-11-24T07:59:00Z"));
        await using var host = await ReminderHost.StartAsync(data, time, "--Reminders:ClaimTimeout=00:00:05");
        var ada = await host.SubscribeAsync("ada", "08:00", "UTC");
        var hung = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Platform.Answer = _ => hung.Task;
        try
        {
            Assert.True(await host.AdvanceUntilAsync(() => Task.FromResult(host.Platform.Attempts.Count >= 1), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1)), "ada's send started");
            await host.AdvanceAsync(TimeSpan.FromSeconds(60));
            Assert.Single(host.Platform.Attempts);
        }
        finally
        {
            hung.TrySetResult();
        }

        Assert.True(await host.AdvanceUntilAsync(async () => (await host.Deliveries.LatestAsync(ada.Id, CancellationToken.None))?.State == DeliveryState.Sent, TimeSpan.FromMinutes(1)));
        Assert.Single(host.Platform.All);
    }

    private static async Task<string> PressAsync(ReminderHost host, string data, string userId = "ada")
    {
        var router = host.App.Services.GetRequiredService<CommandRouter>();
        var reply = await router.HandleAsync(
            new IncomingMessage(new ChatAddress("test", "chat-" + userId), new ChatUser("test", userId, userId), string.Empty, ButtonData: data),
            CancellationToken.None);
        return ReplyMarkup.ToPlainText(reply!.Text);
    }

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
