using System.Globalization;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Reminders;
using LymphBot.Testing.Chat;
using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace LymphBot.Tests.Reminders;

/// <summary><c>/remind edit</c> on the real host (real Quartz, real SQLite) driven by a fake clock: what fires after Save.</summary>
public sealed class ReminderEditDeliveryTests
{
    [Fact]
    public async Task Edit_MovesEveryTimeOfTheRoutine_TheOldTimesFireNoMore_AndTheFollowUpComesAlong()
    {
        using var data = new TempDirectory();
        await using var host = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-12-11T07:30:00Z")));
        var router = host.App.Services.GetRequiredService<CommandRouter>();
        var member = new ChatUser(RecordingPlatform.PlatformName, "ada", "Ada");
        Task<Reply?> Send(string text, string? button = null) =>
            router.HandleAsync(new IncomingMessage(new ChatAddress(RecordingPlatform.PlatformName, "chat-ada"), member, text, ButtonData: button), CancellationToken.None);

        var preview = await Send("/remind 8:00 and 20:00 UTC walk");
        Assert.StartsWith("Saved! Reminder #1", (await Send(string.Empty, preview!.Buttons[0][0].Data))!.Text, StringComparison.Ordinal);
        Assert.Contains("at each of its times", (await Send("/remind nag 1 20m x1"))!.Text, StringComparison.Ordinal);
        var edit = await Send("/remind edit 1 9:00 and 21:00");
        Assert.StartsWith("Changed! Reminder #1: every day at 09:00 and 21:00 (UTC)", (await Send(string.Empty, edit!.Buttons[0][0].Data))!.Text, StringComparison.Ordinal);

        // 08:00 passes with nothing sent, and its slot, now empty, loses its trigger; 09:00 and its follow-up come.
        // Each wait may run the fake clock hours ahead: under load the sender lags the clock, and a follow-up is
        // timed from a late send. Anything sent before the old 20:00 can only be 09:00 and its follow-up.
        var scheduler = await host.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.True(await host.AdvanceUntilSentAsync(1, TimeSpan.FromHours(4), TimeSpan.FromSeconds(30)));
        Assert.True(await host.AdvanceUntilSentAsync(2, TimeSpan.FromHours(4), TimeSpan.FromSeconds(30)));
        Assert.True(await ReminderHost.WaitUntilAsync(async () => await scheduler.GetTrigger(QuartzSlotScheduler.KeyFor("UTC", new TimeOnly(8, 0))) is null));
        Assert.Equal(2, host.Platform.Attempts.Count);
        Assert.All(host.Platform.Attempts, at => Assert.InRange(at, Utc("2026-12-11T09:00:00Z"), Utc("2026-12-11T19:59:59Z")));
        Assert.All(host.Platform.All, s => Assert.Contains("walk", s.Reply.Text, StringComparison.Ordinal));
        var live = await host.Reminders.ListForMemberAsync(RecordingPlatform.PlatformName, "ada", CancellationToken.None);
        Assert.Equal([(1L, new TimeOnly(9, 0)), (1L, new TimeOnly(21, 0))], live.Select(r => (r.Routine, r.LocalTime)));
        Assert.NotNull(await scheduler.GetTrigger(QuartzSlotScheduler.KeyFor("UTC", new TimeOnly(21, 0))));
    }

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
