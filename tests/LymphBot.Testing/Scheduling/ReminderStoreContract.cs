using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;

namespace LymphBot.Testing.Scheduling;

/// <summary>
/// What every <see cref="IReminderStore"/> (with the outbox it shares a database with) does, run against the SQL stores
/// on each database and against <see cref="InMemoryReminderStore"/>, so the fake cannot drift from what the bot runs on.
/// </summary>
public abstract class ReminderStoreContract
{
    private static readonly DateTimeOffset Created = new(2026, 11, 23, 8, 0, 0, 123, TimeSpan.Zero);
    private static readonly ChatUser Ada = new("telegram", "31", "Ada");

    /// <summary>A reminder store and the outbox (<see cref="IOccurrenceStore"/> and <see cref="IDeliveryHistory"/>) of the same database.</summary>
    protected abstract Task<(IReminderStore Reminders, IOccurrenceStore Occurrences, IDeliveryHistory History)> CreateStoresAsync();

    [SkippableFact]
    public async Task AddRoutine_SameTimeAndZone_IsADuplicate_AndTheLimitCountsAllTheMembersChats()
    {
        var (reminders, _, _) = await CreateStoresAsync();

        var first = await reminders.AddRoutineAsync(Routine("-1", 8, "Europe/Berlin"), 2, CancellationToken.None);
        var same = await reminders.AddRoutineAsync(Routine("-2", 8, "Europe/Berlin"), 2, CancellationToken.None);
        var otherZone = await reminders.AddRoutineAsync(Routine("-2", 8, "UTC"), 2, CancellationToken.None);
        var third = await reminders.AddRoutineAsync(Routine("-3", 9, "UTC"), 2, CancellationToken.None);
        var otherMember = await reminders.AddRoutineAsync(Routine("-3", 9, "UTC") with { Member = Ada with { UserId = "32" } }, 2, CancellationToken.None);

        Assert.Equal(
            [(ReminderAddOutcome.Added, 0), (ReminderAddOutcome.Duplicate, 1), (ReminderAddOutcome.Added, 1), (ReminderAddOutcome.LimitReached, 2), (ReminderAddOutcome.Added, 0)],
            new[] { first, same, otherZone, third, otherMember }.Select(r => (r.Outcome, r.MemberCount)));
        Assert.Equal(first.Subscription!.Id, same.Subscription?.Id);
        Assert.Null(third.Subscription);
        Assert.Equal(["-1", "-2"], (await reminders.ListForMemberAsync("telegram", "31", CancellationToken.None)).Select(r => r.Chat.ChatId));
    }

    [SkippableFact]
    public async Task AddRoutine_ConcurrentlyFromManyChats_KeepsThePerMemberLimit()
    {
        var (reminders, _, _) = await CreateStoresAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            reminders.AddRoutineAsync(Routine($"-100{i}", i, "UTC"), 5, CancellationToken.None))));

        Assert.Equal(5, results.Count(r => r.Outcome == ReminderAddOutcome.Added));
        Assert.Equal(5, (await reminders.ListForMemberAsync("telegram", "31", CancellationToken.None)).Count);
    }

    [SkippableFact]
    public async Task Stored_KeepsTheIdsAddressTimeAndState_NotTheName()
    {
        var (reminders, _, _) = await CreateStoresAsync();
        var added = await reminders.AddAsync(Routine("-1", 8, "Europe/Berlin") with { Chat = new ChatAddress("telegram", "-1", "9") }, CancellationToken.None);

        await reminders.UpdateStateAsync(added.Id, ReminderState.Paused, Created.AddDays(3), "paused by you", CancellationToken.None);

        Assert.Equal(
            Routine("-1", 8, "Europe/Berlin") with
            {
                Id = added.Id,
                Member = Ada with { DisplayName = string.Empty },
                Chat = new ChatAddress("telegram", "-1", "9"),
                State = ReminderState.Paused,
                PausedUntil = Created.AddDays(3),
                PauseReason = "paused by you",
            },
            await reminders.FindAsync(added.Id, CancellationToken.None));
        Assert.Null(await reminders.FindAsync(added.Id + 100, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Stored_KeepsTheScheduleAndLabel_AndTheSameTimeOnOtherDays_IsNoDuplicate()
    {
        var (reminders, _, _) = await CreateStoresAsync();
        var weekdays = new ReminderSchedule([new TimeOnly(8, 0)], ScheduleDays.Weekdays, from: new DateOnly(2026, 12, 7), until: new DateOnly(2027, 1, 31));
        var everyOther = new ReminderSchedule([new TimeOnly(8, 0)], everyDays: 2, from: new DateOnly(2026, 12, 24));

        var daily = await reminders.AddRoutineAsync(Routine("-1", 8, "UTC"), 5, CancellationToken.None);
        var onWeekdays = await reminders.AddRoutineAsync(Routine("-1", 8, "UTC") with { Schedule = weekdays, Label = "evening drainage" }, 5, CancellationToken.None);
        var interval = await reminders.AddRoutineAsync(Routine("-1", 8, "UTC") with { Schedule = everyOther }, 5, CancellationToken.None);
        var again = await reminders.AddRoutineAsync(Routine("-2", 8, "UTC") with { Schedule = weekdays }, 5, CancellationToken.None);

        Assert.Equal(
            [ReminderAddOutcome.Added, ReminderAddOutcome.Added, ReminderAddOutcome.Added, ReminderAddOutcome.Duplicate],
            new[] { daily, onWeekdays, interval, again }.Select(r => r.Outcome));
        var stored = await reminders.ListSlotAsync("UTC", new TimeOnly(8, 0), CancellationToken.None);
        Assert.Equal([ReminderSchedule.Daily(new TimeOnly(8, 0)), weekdays, everyOther], stored.Select(r => r.Schedule));
        Assert.Equal([null, "evening drainage", null], stored.Select(r => r.Label));
        Assert.True(stored[0].Schedule.IsPlainDaily);
    }

    [SkippableFact]
    public async Task TipOfTheDay_IsFoundByChat_AndIsNotAMembersRoutine_ButSharesItsSlot()
    {
        var (reminders, _, _) = await CreateStoresAsync();
        var routine = await reminders.AddAsync(Routine("-1", 9, "UTC"), CancellationToken.None);
        var daily = await reminders.AddAsync(Routine("-1", 9, "UTC") with { Kind = ReminderKind.TipOfTheDay }, CancellationToken.None);

        Assert.Equal(daily.Id, (await reminders.FindTipOfTheDayAsync(new ChatAddress("telegram", "-1", "4"), CancellationToken.None))?.Id);
        Assert.Null(await reminders.FindTipOfTheDayAsync(new ChatAddress("telegram", "-2"), CancellationToken.None));
        Assert.Equal([routine.Id], (await reminders.ListForMemberAsync("telegram", "31", CancellationToken.None)).Select(r => r.Id));
        Assert.Equal([routine.Id, daily.Id], (await reminders.ListSlotAsync("UTC", new TimeOnly(9, 0), CancellationToken.None)).Select(r => r.Id));
        Assert.Equal([("UTC", new TimeOnly(9, 0))], await reminders.ListSlotsAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task Finished_IsKept_ButNotListedCountedOrInItsSlot()
    {
        var (reminders, _, _) = await CreateStoresAsync();
        var once = await reminders.AddRoutineAsync(Routine("-1", 9, "UTC") with { Schedule = ReminderSchedule.Once(new DateOnly(2026, 11, 24), new TimeOnly(9, 0)) }, 1, CancellationToken.None);

        await reminders.UpdateStateAsync(once.Subscription!.Id, ReminderState.Finished, null, "ended 2026-11-24", CancellationToken.None);
        var next = await reminders.AddRoutineAsync(Routine("-1", 10, "UTC"), 1, CancellationToken.None);

        Assert.Equal(ReminderState.Finished, (await reminders.FindAsync(once.Subscription.Id, CancellationToken.None))?.State);
        Assert.Equal((ReminderAddOutcome.Added, 0), (next.Outcome, next.MemberCount));
        Assert.Equal([next.Subscription!.Id], (await reminders.ListForMemberAsync("telegram", "31", CancellationToken.None)).Select(r => r.Id));
        Assert.Empty(await reminders.ListSlotAsync("UTC", new TimeOnly(9, 0), CancellationToken.None));
        Assert.Equal([("UTC", new TimeOnly(10, 0))], await reminders.ListSlotsAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task Draft_IsNotAReminderUntilSaved_SavedOnce_WithTheLimitCheckedAtSave()
    {
        var (reminders, _, _) = await CreateStoresAsync();
        var draft = await reminders.AddDraftAsync([Routine("-1", 8, "UTC"), Routine("-1", 20, "UTC") with { Label = "evening" }], CancellationToken.None);
        var other = await reminders.AddDraftAsync([Routine("-1", 9, "UTC")], CancellationToken.None);

        Assert.Equal([null, draft[0].Id], draft.Select(d => d.RoutineId));
        Assert.Empty(await reminders.ListForMemberAsync("telegram", "31", CancellationToken.None));
        Assert.Empty(await reminders.ListSlotsAsync(CancellationToken.None));
        Assert.Equal(DraftSaveOutcome.NotFound, (await reminders.SaveDraftAsync(Ada with { UserId = "32" }, draft[0].Id, 5, CancellationToken.None)).Outcome);

        var saved = await reminders.SaveDraftAsync(Ada, draft[0].Id, 5, CancellationToken.None);
        var again = await reminders.SaveDraftAsync(Ada, draft[0].Id, 5, CancellationToken.None);
        var full = await reminders.SaveDraftAsync(Ada, other[0].Id, 2, CancellationToken.None);

        Assert.Equal((DraftSaveOutcome.Saved, 2, 0), (saved.Outcome, saved.Saved.Count, saved.MemberCount));
        Assert.Equal(DraftSaveOutcome.NotFound, again.Outcome);
        Assert.Equal((DraftSaveOutcome.LimitReached, 2), (full.Outcome, full.MemberCount));
        var mine = await reminders.ListForMemberAsync("telegram", "31", CancellationToken.None);
        Assert.Equal([(8, (long?)null, (string?)null), (20, draft[0].Id, "evening")], mine.Select(r => (r.LocalTime.Hour, r.RoutineId, r.Label)));
        Assert.All(mine, r => Assert.Equal(draft[0].Id, r.Routine));
        Assert.Equal(ReminderState.Draft, (await reminders.FindAsync(other[0].Id, CancellationToken.None))?.State);

        Assert.True(await reminders.DeleteDraftAsync(Ada, other[0].Id, CancellationToken.None));
        Assert.False(await reminders.DeleteDraftAsync(Ada, draft[0].Id, CancellationToken.None));
        Assert.Null(await reminders.FindAsync(other[0].Id, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Draft_OfTimesAlreadyThere_IsADuplicate_AndIsGone()
    {
        var (reminders, _, _) = await CreateStoresAsync();
        await reminders.AddRoutineAsync(Routine("-1", 8, "UTC"), 5, CancellationToken.None);
        var draft = await reminders.AddDraftAsync([Routine("-1", 8, "UTC")], CancellationToken.None);

        var result = await reminders.SaveDraftAsync(Ada, draft[0].Id, 5, CancellationToken.None);

        Assert.Equal((DraftSaveOutcome.Duplicate, 1), (result.Outcome, result.Existing.Count));
        Assert.Null(await reminders.FindAsync(draft[0].Id, CancellationToken.None));
    }

    [SkippableFact]
    public async Task ReplaceRoutine_SwapsTheDraftIn_UnderTheSameIdAndPause_WithTheLimitChecked_AndKeepsTheOldRowsAsHistory()
    {
        var (reminders, occurrences, history) = await CreateStoresAsync();
        var first = await reminders.AddDraftAsync([Routine("-1", 8, "UTC"), Routine("-1", 20, "UTC")], CancellationToken.None);
        await reminders.SaveDraftAsync(Ada, first[0].Id, 5, CancellationToken.None);
        var other = (await reminders.AddRoutineAsync(Routine("-1", 12, "UTC"), 5, CancellationToken.None)).Subscription!;
        foreach (var row in first)
        {
            await reminders.UpdateStateAsync(row.Id, ReminderState.Paused, Created.AddDays(2), "paused by you for 2 day(s)", CancellationToken.None);
        }

        await occurrences.EnqueueManyAsync([Occurrence(first[0].Id, 1, DeliveryState.Sent)], CancellationToken.None);
        var edit = await reminders.AddDraftAsync([Routine("-1", 9, "UTC") with { Label = "walk" }], CancellationToken.None);

        var someoneElse = await reminders.ReplaceRoutineAsync(Ada with { UserId = "32" }, edit[0].Id, first[0].Id, 5, CancellationToken.None);
        var full = await reminders.ReplaceRoutineAsync(Ada, edit[0].Id, first[0].Id, 1, CancellationToken.None);
        var replaced = await reminders.ReplaceRoutineAsync(Ada, edit[0].Id, first[0].Id, 5, CancellationToken.None);
        var again = await reminders.ReplaceRoutineAsync(Ada, edit[0].Id, first[0].Id, 5, CancellationToken.None);

        Assert.Equal(
            [DraftSaveOutcome.NotFound, DraftSaveOutcome.LimitReached, DraftSaveOutcome.Saved, DraftSaveOutcome.NotFound],
            new[] { someoneElse, full, replaced, again }.Select(r => r.Outcome));
        Assert.Equal(first.Select(f => f.Id), replaced.Replaced.Select(r => r.Id));
        var mine = await reminders.ListForMemberAsync("telegram", "31", CancellationToken.None);
        Assert.Equal(
            [(other.Id, 12, ReminderState.Active, (long?)null, (string?)null), (edit[0].Id, 9, ReminderState.Paused, first[0].Id, "walk")],
            mine.Select(r => (r.Id, r.LocalTime.Hour, r.State, r.RoutineId, r.Label)));
        Assert.Equal((Created.AddDays(2), "paused by you for 2 day(s)"), (mine[1].PausedUntil, mine[1].PauseReason));
        Assert.Equal(first[0].Id, mine[1].Routine);
        foreach (var old in first)
        {
            var kept = await reminders.FindAsync(old.Id, CancellationToken.None);
            Assert.Equal((ReminderState.Finished, DraftPlan.ReplacedReason, (DateTimeOffset?)null), (kept?.State, kept?.PauseReason, kept?.PausedUntil));
        }

        Assert.Equal(first.Select(f => f.Id), (await reminders.ListReplacedForMemberAsync("telegram", "31", CancellationToken.None)).Select(r => r.Id));
        Assert.Empty(await reminders.ListReplacedForMemberAsync("telegram", "32", CancellationToken.None));
        Assert.Equal(DeliveryState.Sent, (await history.LatestAsync(first[0].Id, CancellationToken.None))?.State);
        Assert.Equal([("UTC", new TimeOnly(9, 0)), ("UTC", new TimeOnly(12, 0))], (await reminders.ListSlotsAsync(CancellationToken.None)).Order());
    }

    [SkippableFact]
    public async Task ReplaceRoutine_OfARoutineGoneMeanwhile_ChangesNothing_AndTakesTheDraft()
    {
        var (reminders, _, _) = await CreateStoresAsync();
        var routine = (await reminders.AddRoutineAsync(Routine("-1", 8, "UTC"), 5, CancellationToken.None)).Subscription!;
        var edit = await reminders.AddDraftAsync([Routine("-1", 9, "UTC")], CancellationToken.None);
        await reminders.DeleteAsync(routine.Id, CancellationToken.None);

        var result = await reminders.ReplaceRoutineAsync(Ada, edit[0].Id, routine.Id, 5, CancellationToken.None);

        Assert.Equal(DraftSaveOutcome.RoutineGone, result.Outcome);
        Assert.Null(await reminders.FindAsync(edit[0].Id, CancellationToken.None));
        Assert.Empty(await reminders.ListForMemberAsync("telegram", "31", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Delete_TakesThePendingDeliveries_KeepsTheSentOnes_AndSaysWhetherItExisted()
    {
        var (reminders, occurrences, history) = await CreateStoresAsync();
        var routine = await reminders.AddAsync(Routine("-1", 9, "UTC"), CancellationToken.None);
        await occurrences.EnqueueManyAsync(
            [Occurrence(routine.Id, 1, DeliveryState.Sent), Occurrence(routine.Id, 2, DeliveryState.Pending), Occurrence(routine.Id, 2, DeliveryState.Pending)],
            CancellationToken.None);
        var latest = await history.LatestAsync(routine.Id, CancellationToken.None);

        Assert.Equal((new DateOnly(2026, 11, 2), DeliveryState.Pending, 0), (latest?.LocalDate, latest?.State, latest?.Attempts));
        Assert.Equal((true, false), (await reminders.DeleteAsync(routine.Id, CancellationToken.None), await reminders.DeleteAsync(routine.Id, CancellationToken.None)));
        Assert.Equal(DeliveryState.Sent, (await history.LatestAsync(routine.Id, CancellationToken.None))?.State);
        Assert.True(await occurrences.ExistsAsync(routine.Id, new DateOnly(2026, 11, 1), DeliveryKind.Daily, CancellationToken.None));
        Assert.False(await occurrences.ExistsAsync(routine.Id, new DateOnly(2026, 11, 2), DeliveryKind.Daily, CancellationToken.None));
    }

    private static ReminderSubscription Routine(string chatId, int hour, string zone) =>
        new(0, Ada, new ChatAddress("telegram", chatId), new TimeOnly(hour, 0), zone, ReminderState.Active, Created);

    private static Delivery Occurrence(long subscriptionId, int day, DeliveryState state) =>
        new(0, subscriptionId, new ChatAddress("telegram", "-1"), new DateOnly(2026, 11, day), DeliveryKind.Daily, Created.AddDays(day), state, 3, "Time for your routine");
}
