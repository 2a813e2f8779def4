using System.Globalization;
using LymphBot.Core.Scheduling;
using LymphBot.Reminders;
using LymphBot.Testing.Chat;
using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace LymphBot.Tests.Reminders;

/// <summary>
/// Schedules beyond every day on real Quartz and SQLite: the slot still fires every day, and the fan-out writes an
/// occurrence only for the subscriptions whose schedule includes that local date. A daily subscription in the same
/// slot shows that the slot did fire on the days the others skip.
/// </summary>
public sealed class ScheduledReminderTests
{
    [Fact]
    public async Task WeekdaysAndOneOff_ShareTheDailySlot_EachFiresOnlyOnItsDays()
    {
        using var data = new TempDirectory();
        var time = new FakeTimeProvider(Utc("2026-12-11T07:58:00Z")); // Friday
        await using var host = await ReminderHost.StartAsync(data, time);
        var daily = await host.SubscribeAsync("bob", "08:00", "UTC");
        var weekdays = await host.SubscribeAsync("ada", "08:00", "UTC", new ReminderSchedule([new TimeOnly(8, 0)], ScheduleDays.Weekdays));
        var once = await host.SubscribeAsync("cy", "08:00", "UTC", ReminderSchedule.Once(new DateOnly(2026, 12, 12), new TimeOnly(8, 0)));

        Assert.True(await host.AdvanceUntilSentAsync(2, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(10)));
        Assert.Equal([new DateOnly(2026, 12, 11), new DateOnly(2026, 12, 11), null], await LatestDatesAsync(host, daily, weekdays, once));

        time.SetUtcNow(Utc("2026-12-12T07:59:00Z")); // Saturday
        Assert.True(await host.AdvanceUntilAsync(async () => (await LatestDatesAsync(host, daily))[0] == new DateOnly(2026, 12, 12), TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(10)));
        Assert.True(await host.AdvanceUntilAsync(async () => (await LatestDatesAsync(host, once))[0] is not null, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(10)));
        Assert.Equal([new DateOnly(2026, 12, 11), new DateOnly(2026, 12, 12)], await LatestDatesAsync(host, weekdays, once));

        time.SetUtcNow(Utc("2026-12-14T07:59:00Z")); // Monday
        Assert.True(await host.AdvanceUntilAsync(async () => (await LatestDatesAsync(host, weekdays))[0] == new DateOnly(2026, 12, 14), TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(10)));
        Assert.True(await host.AdvanceUntilAsync(async () => (await LatestDatesAsync(host, daily))[0] == new DateOnly(2026, 12, 14), TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(10)));
        Assert.Equal([new DateOnly(2026, 12, 12)], await LatestDatesAsync(host, once));
    }

    [Fact]
    public async Task OneOffAloneInItsSlot_IsSentWithItsLabel_ThenFinished_AndItsTriggerIsGone()
    {
        using var data = new TempDirectory();
        var time = new FakeTimeProvider(Utc("2026-12-11T09:28:00Z"));
        await using var host = await ReminderHost.StartAsync(data, time);
        var once = await host.SubscribeAsync("cy", "09:30", "UTC", ReminderSchedule.Once(new DateOnly(2026, 12, 11), new TimeOnly(9, 30)), "evening *drainage*");
        var scheduler = await host.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var key = QuartzSlotScheduler.KeyFor("UTC", new TimeOnly(9, 30));
        Assert.NotNull(await scheduler.GetTrigger(key));

        Assert.True(await host.AdvanceUntilSentAsync(1, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(10)));
        Assert.True(await ReminderHost.WaitUntilAsync(async () => await scheduler.GetTrigger(key) is null));
        Assert.StartsWith("🌿 **evening \\*drainage\\*** (09:30)\n", Assert.Single(host.Platform.All).Reply.Text, StringComparison.Ordinal);

        Assert.Equal(ReminderState.Finished, (await host.Reminders.FindAsync(once.Id, CancellationToken.None))?.State);
        Assert.Empty(await host.Reminders.ListForMemberAsync(RecordingPlatform.PlatformName, "cy", CancellationToken.None));
        Assert.Empty(await host.Reminders.ListSlotsAsync(CancellationToken.None));
        Assert.True(await ReminderHost.WaitUntilAsync(async () => (await host.Deliveries.LatestAsync(once.Id, CancellationToken.None))?.State == DeliveryState.Sent));
        Assert.True(await scheduler.GetJobDetail(ReminderSlotJob.Key) is not null, "the durable slot job stays for other slots");
    }

    private static async Task<DateOnly?[]> LatestDatesAsync(ReminderHost host, params ReminderSubscription[] subscriptions)
    {
        var dates = new List<DateOnly?>();
        foreach (var subscription in subscriptions)
        {
            dates.Add((await host.Deliveries.LatestAsync(subscription.Id, CancellationToken.None))?.LocalDate);
        }

        return [.. dates];
    }

    private static DateTimeOffset Utc(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);
}
