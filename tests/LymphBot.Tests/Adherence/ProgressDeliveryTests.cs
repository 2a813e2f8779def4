using System.Globalization;
using LymphBot.Core.Adherence;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Privacy;
using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LymphBot.Tests.Adherence;

/// <summary>Rest days, paused days and the weekly recap on the real host (real Quartz, real SQLite) driven by a fake clock.</summary>
public sealed class ProgressDeliveryTests
{
    [Fact]
    public async Task RestDay_IsNotSent_AndStoredRest_WhileAPausedRoutinesDayIsStoredPaused_InTheSameSlot()
    {
        using var data = new TempDirectory();
        await using var host = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-24T07:55:00Z")));
        var ada = (await host.SubscribeAsync("ada", "08:00", "UTC")).Id;
        var bob = (await host.SubscribeAsync("bob", "08:00", "UTC")).Id;
        var cy = (await host.SubscribeAsync("cy", "08:00", "UTC")).Id;
        Assert.Contains("Rest day planned: #1 takes Tue 24 Nov off.", await SendAsync(host, "ada", $"/remind rest {ada} today"), StringComparison.Ordinal);
        Assert.Contains("Paused reminder #3", await SendAsync(host, "cy", $"/remind pause {cy}"), StringComparison.Ordinal);

        Assert.True(await host.AdvanceUntilAsync(
            async () => host.Platform.All.Count >= 1 && await Outcomes(host).FindAsync(cy, Day24, CancellationToken.None) is not null,
            TimeSpan.FromMinutes(15),
            TimeSpan.FromSeconds(10)));
        await host.AdvanceAsync(TimeSpan.FromHours(1), TimeSpan.FromMinutes(1));

        Assert.Equal("chat-bob", Assert.Single(host.Platform.All).Address.ChatId);
        Assert.Equal(1, await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM reminder_deliveries"));
        Assert.Equal(
            (OccurrenceOutcome.Rest, (OccurrenceOutcome?)null, OccurrenceOutcome.Paused),
            (await Outcomes(host).FindAsync(ada, Day24, CancellationToken.None), await Outcomes(host).FindAsync(bob, Day24, CancellationToken.None),
                await Outcomes(host).FindAsync(cy, Day24, CancellationToken.None)));
        Assert.Contains("💤", await SendAsync(host, "ada", "/progress"), StringComparison.Ordinal);
        Assert.Contains("⏸️", await SendAsync(host, "cy", "/progress"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestDayCancelled_WhileItsTimeIsAhead_TheOccurrenceIsSentOnce_AndNoRestIsStored()
    {
        using var data = new TempDirectory();
        await using var host = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-24T07:55:00Z")));
        var ada = (await host.SubscribeAsync("ada", "08:00", "UTC")).Id;
        Assert.Contains("Rest day planned: #1 takes Tue 24 Nov off.", await SendAsync(host, "ada", $"/remind rest {ada} today"), StringComparison.Ordinal);
        await host.AdvanceAsync(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1));

        Assert.Contains("Rest day cancelled: #1 reminds you on Tue 24 Nov at 08:00 as usual.", await SendAsync(host, "ada", $"/remind rest {ada} today off"), StringComparison.Ordinal);

        Assert.True(await host.AdvanceUntilSentAsync(1, TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(10)));
        await host.AdvanceAsync(TimeSpan.FromHours(1), TimeSpan.FromMinutes(1));
        var sent = Assert.Single(host.Platform.All);
        Assert.Equal("chat-ada", sent.Address.ChatId);
        Assert.True(host.Platform.Attempts[0] >= Utc("2026-11-24T08:00:00Z"));
        Assert.Null(await Outcomes(host).FindAsync(ada, Day24, CancellationToken.None));
        Assert.Equal(1, await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM reminder_deliveries WHERE state = 'Sent'"));
    }

    [Fact]
    public async Task WeeklyRecap_IsDurable_ArrivesOnceAtItsTimeThroughTheOutbox_AndNotAgainAfterARestart()
    {
        using var data = new TempDirectory();
        // Set up an hour before the reminder's time: set up at the very minute, whether that day's occurrence was written
        // before the host stopped depended on how fast the slot ran, so the day read as "not yet made" or as due.
        await using (var setup = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-23T06:00:00Z"))))
        {
            await setup.SubscribeAsync("ada", "08:00", "Europe/Berlin", label: "walk");
            Assert.Contains("Weekly recap on: every Sunday at 18:00 (Europe/Berlin)", await SendAsync(setup, "ada", "/progress weekly on sun 6 pm Europe/Berlin"), StringComparison.Ordinal);
        }

        // Down until a minute before Sunday 18:00 in Berlin (17:00 UTC): the recap's slot is in the database, not the process.
        await using (var second = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-29T16:59:00Z"))))
        {
            Assert.True(await second.AdvanceUntilSentAsync(1, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10)));
            await second.AdvanceAsync(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(1));
            var recap = Assert.Single(second.Platform.All);
            var text = ReplyMarkup.ToPlainText(recap.Reply.Text);
            Assert.Equal("chat-ada", recap.Address.ChatId);
            Assert.Contains("Your week (Mon 23 Nov to Sun 29 Nov)", text, StringComparison.Ordinal);
            Assert.Contains("#1 walk — every day at 08:00 (Europe/Berlin)\nMon 23 Nov  ❌❌❌❌❌❌⏳\n0 of 6 done · no streak yet", text, StringComparison.Ordinal);
            Assert.True(second.Platform.Attempts[0] >= Utc("2026-11-29T17:00:00Z"));
        }

        await using var third = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-29T17:45:00Z")));
        await third.AdvanceAsync(TimeSpan.FromHours(1), TimeSpan.FromMinutes(1));
        Assert.Empty(third.Platform.All);
        Assert.Equal(1, await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM reminder_deliveries d JOIN reminder_subscriptions s ON s.id = d.subscription_id WHERE s.kind = 'WeeklyRecap' AND d.state = 'Sent'"));
    }

    [Fact]
    public async Task MyData_ShowsTheHistoryRestDaysAndRecap_AndForgetMeDeletesThemFromTheDatabase()
    {
        using var data = new TempDirectory();
        await using var host = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-24T07:00:00Z")));
        var ada = (await host.SubscribeAsync("ada", "08:00", "UTC")).Id;
        await Outcomes(host).RecordAsync(ada, Ada, Day24.AddDays(-1), OccurrenceOutcome.Done, host.Time.GetUtcNow(), CancellationToken.None);
        await SendAsync(host, "ada", $"/remind rest {ada} 2026-12-24");
        await SendAsync(host, "ada", "/progress weekly on sun 18:00 UTC");

        var mine = await SendAsync(host, "ada", "/mydata");

        Assert.Contains("Weekly recap: every Sunday at 18:00 (UTC)", mine, StringComparison.Ordinal);
        Assert.Contains("• reminder #1: 1 done, 1 rest (2026-11-23 to 2026-12-24); rest days 2026-12-24", mine, StringComparison.Ordinal);
        await host.App.Services.GetRequiredService<CommandRouter>().HandleAsync(
            new IncomingMessage(Chat("ada"), Ada, string.Empty, ButtonData: ForgetMeCommand.ConfirmData), CancellationToken.None);
        Assert.Equal(
            (0L, 0L),
            (await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM reminder_outcomes"), await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM reminder_subscriptions")));
    }

    private static readonly DateOnly Day24 = new(2026, 11, 24);

    private static readonly ChatUser Ada = new("test", "ada", "ada");

    private static IOutcomeStore Outcomes(ReminderHost host) => host.App.Services.GetRequiredService<IOutcomeStore>();

    private static ChatAddress Chat(string userId) => new("test", "chat-" + userId);

    private static async Task<string> SendAsync(ReminderHost host, string userId, string text)
    {
        var reply = await host.App.Services.GetRequiredService<CommandRouter>().HandleAsync(
            new IncomingMessage(Chat(userId), new ChatUser("test", userId, userId), text), CancellationToken.None);
        return ReplyMarkup.ToPlainText(reply!.Text);
    }

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
