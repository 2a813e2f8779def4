using LymphBot.Core.Adherence;
using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;

namespace LymphBot.Testing.Scheduling;

/// <summary>What every <see cref="IWeeklyRecapStore"/> does, run against the SQL store on each database and against <see cref="InMemoryWeeklyRecapStore"/>.</summary>
public abstract class WeeklyRecapStoreContract
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 8, 0, 0, 123, TimeSpan.Zero);
    private static readonly ChatUser Ada = new("telegram", "31", string.Empty);

    protected abstract Task<(IReminderStore Reminders, IWeeklyRecapStore Recaps)> CreateStoresAsync();

    [SkippableFact]
    public async Task Set_StoresOneRecapPerMember_ThatTheSlotListsAndMembersListsDoNot()
    {
        var (reminders, recaps) = await CreateStoresAsync();
        var routine = await reminders.AddAsync(Recap("UTC", 18, ScheduleDays.Sunday) with { Kind = ReminderKind.Routine, Schedule = ReminderSchedule.Daily(new TimeOnly(18, 0)) }, CancellationToken.None);

        var recap = await recaps.SetAsync(Recap("UTC", 18, ScheduleDays.Sunday), CancellationToken.None);

        Assert.Equal(
            (ReminderKind.WeeklyRecap, ReminderState.Active, ScheduleDays.Sunday, new TimeOnly(18, 0), "UTC", "-1"),
            (recap.Kind, recap.State, recap.Schedule.Days, recap.LocalTime, recap.TimeZone, recap.Chat.ChatId));
        Assert.Equal(recap, await recaps.FindAsync(Ada, CancellationToken.None));
        Assert.Equal([routine.Id, recap.Id], (await reminders.ListSlotAsync("UTC", new TimeOnly(18, 0), CancellationToken.None)).Select(s => s.Id));
        Assert.Equal([routine.Id], (await reminders.ListForMemberAsync(Ada.Platform, Ada.UserId, CancellationToken.None)).Select(s => s.Id));
        Assert.Null(await recaps.FindAsync(Ada with { UserId = "32" }, CancellationToken.None));
    }

    [SkippableFact]
    public async Task SetAgain_ReplacesDayTimeZoneAndChat_KeepsTheId_AndMakesItActive()
    {
        var (reminders, recaps) = await CreateStoresAsync();
        var first = await recaps.SetAsync(Recap("UTC", 18, ScheduleDays.Sunday), CancellationToken.None);
        await reminders.UpdateStateAsync(first.Id, ReminderState.Paused, null, "bot blocked", CancellationToken.None);

        var second = await recaps.SetAsync(Recap("Europe/Berlin", 9, ScheduleDays.Friday) with { Chat = new ChatAddress("telegram", "31") }, CancellationToken.None);

        Assert.Equal(
            (first.Id, ReminderState.Active, (string?)null, ScheduleDays.Friday, new TimeOnly(9, 0), "Europe/Berlin", "31"),
            (second.Id, second.State, second.PauseReason, second.Schedule.Days, second.LocalTime, second.TimeZone, second.Chat.ChatId));
        Assert.Empty(await reminders.ListSlotAsync("UTC", new TimeOnly(18, 0), CancellationToken.None));
        Assert.Equal([first.Id], (await reminders.ListSlotAsync("Europe/Berlin", new TimeOnly(9, 0), CancellationToken.None)).Select(s => s.Id));
    }

    [SkippableFact]
    public async Task Remove_DeletesIt_AndSaysWhetherThereWasOne()
    {
        var (reminders, recaps) = await CreateStoresAsync();
        var recap = await recaps.SetAsync(Recap("UTC", 18, ScheduleDays.Sunday), CancellationToken.None);

        Assert.True(await recaps.RemoveAsync(Ada, CancellationToken.None));
        Assert.False(await recaps.RemoveAsync(Ada, CancellationToken.None));
        Assert.Null(await reminders.FindAsync(recap.Id, CancellationToken.None));
        Assert.Null(await recaps.FindAsync(Ada, CancellationToken.None));
    }

    private static ReminderSubscription Recap(string zone, int hour, ScheduleDays day) =>
        new(0, Ada, new ChatAddress("telegram", "-1"), new TimeOnly(hour, 0), zone, ReminderState.Active, At)
        {
            Kind = ReminderKind.WeeklyRecap,
            Schedule = new ReminderSchedule([new TimeOnly(hour, 0)], day),
        };
}
