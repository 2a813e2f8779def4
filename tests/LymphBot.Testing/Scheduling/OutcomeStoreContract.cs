using LymphBot.Core.Adherence;
using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;

namespace LymphBot.Testing.Scheduling;

/// <summary>
/// What every <see cref="IOutcomeStore"/> does with the reminder store and outbox of its database, run against the SQL
/// store on each database and against <see cref="InMemoryOutcomeStore"/>.
/// </summary>
public abstract class OutcomeStoreContract
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 8, 0, 0, 123, TimeSpan.Zero);
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly ChatUser Ada = new("telegram", "31", string.Empty);

    protected abstract Task<(IReminderStore Reminders, IOccurrenceStore Occurrences, IOutcomeStore Outcomes)> CreateStoresAsync();

    [SkippableFact]
    public async Task Record_ReplacesTheDaysOutcome_AndListsFromADate()
    {
        var (_, _, outcomes) = await CreateStoresAsync();

        await outcomes.RecordAsync(7, Ada, Monday, OccurrenceOutcome.Skipped, At, CancellationToken.None);
        await outcomes.RecordAsync(7, Ada, Monday, OccurrenceOutcome.Done, At.AddMinutes(1), CancellationToken.None);
        await outcomes.RecordAsync(7, Ada, Monday.AddDays(1), OccurrenceOutcome.Rest, At, CancellationToken.None);
        await outcomes.RecordAsync(8, Ada, Monday, OccurrenceOutcome.Missed, At, CancellationToken.None);

        Assert.Equal(
            [new OutcomeRecord(7, Monday, OccurrenceOutcome.Done, At.AddMinutes(1)), new OutcomeRecord(7, Monday.AddDays(1), OccurrenceOutcome.Rest, At)],
            await outcomes.ListAsync(7, Monday.AddDays(-1), CancellationToken.None));
        Assert.Equal([Monday.AddDays(1)], (await outcomes.ListAsync(7, Monday.AddDays(1), CancellationToken.None)).Select(o => o.LocalDate));
        Assert.Equal(OccurrenceOutcome.Done, await outcomes.FindAsync(7, Monday, CancellationToken.None));
        Assert.Null(await outcomes.FindAsync(7, Monday.AddDays(2), CancellationToken.None));
    }

    [SkippableFact]
    public async Task CloseMissed_StoresMissedForTheSlotsOpenRoutineDaysBeforeToday_Only()
    {
        var (reminders, occurrences, outcomes) = await CreateStoresAsync();
        var open = await AddAsync(reminders, "UTC", 8);
        var ticked = await AddAsync(reminders, "UTC", 8);
        var otherSlot = await AddAsync(reminders, "UTC", 9);
        var tip = await reminders.AddAsync(Subscription("UTC", 8) with { Kind = ReminderKind.TipOfTheDay }, CancellationToken.None);
        await occurrences.EnqueueManyAsync(
        [
            Occurrence(open, Monday), Occurrence(open, Monday.AddDays(1)), Occurrence(open, Monday) with { Kind = DeliveryKind.Snooze, Sequence = 1 },
            Occurrence(ticked, Monday), Occurrence(otherSlot, Monday), Occurrence(tip.Id, Monday),
        ], CancellationToken.None);
        await outcomes.RecordAsync(ticked, Ada, Monday, OccurrenceOutcome.Done, At, CancellationToken.None);

        var closed = await outcomes.CloseMissedAsync("UTC", new TimeOnly(8, 0), Monday.AddDays(1), At, CancellationToken.None);
        var again = await outcomes.CloseMissedAsync("UTC", new TimeOnly(8, 0), Monday.AddDays(1), At, CancellationToken.None);

        Assert.Equal((1, 0), (closed, again));
        Assert.Equal([new OutcomeRecord(open, Monday, OccurrenceOutcome.Missed, At)], await outcomes.ListAsync(open, Monday, CancellationToken.None));
        Assert.Equal(OccurrenceOutcome.Done, await outcomes.FindAsync(ticked, Monday, CancellationToken.None));
        Assert.Empty(await outcomes.ListAsync(otherSlot, Monday, CancellationToken.None));
        Assert.Empty(await outcomes.ListAsync(tip.Id, Monday, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Snoozes_AreOneRowPerSequence_AndTheSameSequenceTwiceIsOne()
    {
        var (reminders, occurrences, _) = await CreateStoresAsync();
        var id = await AddAsync(reminders, "UTC", 8);
        var snooze = Occurrence(id, Monday) with { Kind = DeliveryKind.Snooze };

        var written = await occurrences.EnqueueManyAsync([Occurrence(id, Monday), snooze with { Sequence = 1 }, snooze with { Sequence = 2 }], CancellationToken.None);
        var repeated = await occurrences.EnqueueManyAsync([snooze with { Sequence = 2 }], CancellationToken.None);

        Assert.Equal((3, 0), (written, repeated));
    }

    [SkippableFact]
    public async Task ListForMember_ListsTheMembersOutcomesOfEveryReminder_FromADate_Only()
    {
        var (_, _, outcomes) = await CreateStoresAsync();
        var bob = Ada with { UserId = "32" };
        await outcomes.RecordAsync(7, Ada, Monday, OccurrenceOutcome.Done, At, CancellationToken.None);
        await outcomes.RecordAsync(8, Ada, Monday.AddDays(1), OccurrenceOutcome.Rest, At, CancellationToken.None);
        await outcomes.RecordAsync(7, Ada, Monday.AddDays(-1), OccurrenceOutcome.Missed, At, CancellationToken.None);
        await outcomes.RecordAsync(9, bob, Monday, OccurrenceOutcome.Done, At, CancellationToken.None);
        await outcomes.RecordAsync(7, Ada with { Platform = "discord" }, Monday.AddDays(2), OccurrenceOutcome.Done, At, CancellationToken.None);

        Assert.Equal(
            [new OutcomeRecord(7, Monday, OccurrenceOutcome.Done, At), new OutcomeRecord(8, Monday.AddDays(1), OccurrenceOutcome.Rest, At)],
            await outcomes.ListForMemberAsync(Ada, Monday, CancellationToken.None));
    }

    [SkippableFact]
    public async Task ListResting_FindsTheSlotsPlannedRestDaysOnThatDate_Only()
    {
        var (reminders, _, outcomes) = await CreateStoresAsync();
        var resting = await AddAsync(reminders, "UTC", 8);
        var done = await AddAsync(reminders, "UTC", 8);
        var otherSlot = await AddAsync(reminders, "UTC", 9);
        var otherZone = await AddAsync(reminders, "Europe/Berlin", 8);
        foreach (var id in new[] { resting, otherSlot, otherZone })
        {
            await outcomes.RecordAsync(id, Ada, Monday, OccurrenceOutcome.Rest, At, CancellationToken.None);
        }

        await outcomes.RecordAsync(resting, Ada, Monday.AddDays(1), OccurrenceOutcome.Done, At, CancellationToken.None);
        await outcomes.RecordAsync(done, Ada, Monday, OccurrenceOutcome.Done, At, CancellationToken.None);

        Assert.Equal([resting], await outcomes.ListRestingAsync("UTC", new TimeOnly(8, 0), Monday, CancellationToken.None));
        Assert.Empty(await outcomes.ListRestingAsync("UTC", new TimeOnly(8, 0), Monday.AddDays(1), CancellationToken.None));
    }

    [SkippableFact]
    public async Task CancelRest_RemovesThatDaysRestOnly_AndLeavesEveryOtherOutcome()
    {
        var (reminders, _, outcomes) = await CreateStoresAsync();
        var resting = await AddAsync(reminders, "UTC", 8);
        var done = await AddAsync(reminders, "UTC", 8);
        await outcomes.RecordAsync(resting, Ada, Monday, OccurrenceOutcome.Rest, At, CancellationToken.None);
        await outcomes.RecordAsync(resting, Ada, Monday.AddDays(1), OccurrenceOutcome.Rest, At, CancellationToken.None);
        await outcomes.RecordAsync(done, Ada, Monday, OccurrenceOutcome.Done, At, CancellationToken.None);

        var cancelled = await outcomes.CancelRestAsync(resting, Monday, CancellationToken.None);
        var again = await outcomes.CancelRestAsync(resting, Monday, CancellationToken.None);
        var notARest = await outcomes.CancelRestAsync(done, Monday, CancellationToken.None);

        Assert.Equal((true, false, false), (cancelled, again, notARest));
        Assert.Equal([new OutcomeRecord(resting, Monday.AddDays(1), OccurrenceOutcome.Rest, At)], await outcomes.ListAsync(resting, Monday, CancellationToken.None));
        Assert.Equal(OccurrenceOutcome.Done, await outcomes.FindAsync(done, Monday, CancellationToken.None));
        Assert.Empty(await outcomes.ListRestingAsync("UTC", new TimeOnly(8, 0), Monday, CancellationToken.None));
    }

    [SkippableFact]
    public async Task RecordPaused_StoresPaused_ButNeverOverTheDaysOutcome_AndTwiceIsOnce()
    {
        var (reminders, _, outcomes) = await CreateStoresAsync();
        var paused = await reminders.AddAsync(Subscription("UTC", 8) with { State = ReminderState.Paused }, CancellationToken.None);
        var resting = await reminders.AddAsync(Subscription("UTC", 8) with { State = ReminderState.Paused }, CancellationToken.None);
        await outcomes.RecordAsync(resting.Id, Ada, Monday, OccurrenceOutcome.Rest, At, CancellationToken.None);

        var first = await outcomes.RecordPausedAsync([paused, resting], Monday, At, CancellationToken.None);
        var again = await outcomes.RecordPausedAsync([paused, resting], Monday, At.AddMinutes(1), CancellationToken.None);

        Assert.Equal((1, 0), (first, again));
        Assert.Equal([new OutcomeRecord(paused.Id, Monday, OccurrenceOutcome.Paused, At)], await outcomes.ListAsync(paused.Id, Monday, CancellationToken.None));
        Assert.Equal(OccurrenceOutcome.Rest, await outcomes.FindAsync(resting.Id, Monday, CancellationToken.None));
        Assert.Equal(0, await outcomes.RecordPausedAsync([], Monday, At, CancellationToken.None));
    }

    [SkippableFact]
    public async Task CloseMissed_StoresMissedForAProgramsOpenDays_ButNotForItsSummaryDay()
    {
        var (reminders, occurrences, outcomes) = await CreateStoresAsync();
        var course = (await reminders.AddAsync(
            Subscription("UTC", 8) with { Kind = ReminderKind.Program, Schedule = new ReminderSchedule([new TimeOnly(8, 0)], from: Monday, until: Monday.AddDays(2)) },
            CancellationToken.None)).Id;
        await occurrences.EnqueueManyAsync([Occurrence(course, Monday), Occurrence(course, Monday.AddDays(1)), Occurrence(course, Monday.AddDays(2))], CancellationToken.None);
        await outcomes.RecordAsync(course, Ada, Monday, OccurrenceOutcome.Done, At, CancellationToken.None);

        var closed = await outcomes.CloseMissedAsync("UTC", new TimeOnly(8, 0), Monday.AddDays(3), At, CancellationToken.None);

        // Day 2 of the two-day course was not ticked; the third date is its summary, which has nothing to tick.
        Assert.Equal(1, closed);
        Assert.Equal(
            [(Monday, OccurrenceOutcome.Done), (Monday.AddDays(1), OccurrenceOutcome.Missed)],
            (await outcomes.ListAsync(course, Monday, CancellationToken.None)).Select(o => (o.LocalDate, o.Outcome)));
    }

    [SkippableFact]
    public async Task Settle_StoresTheOutcome_AndSkipsThatDaysPendingDeliveries_InOneStep()
    {
        var (reminders, occurrences, outcomes) = await CreateStoresAsync();
        var id = await AddAsync(reminders, "UTC", 8);
        var pending = Occurrence(id, Monday) with { State = DeliveryState.Pending };
        await occurrences.EnqueueManyAsync(
        [
            Occurrence(id, Monday), pending with { Kind = DeliveryKind.FollowUp, Sequence = 1 }, pending with { Kind = DeliveryKind.Snooze, Sequence = 1 },
            pending with { LocalDate = Monday.AddDays(1), Kind = DeliveryKind.FollowUp, Sequence = 1 },
        ], CancellationToken.None);

        var skipped = await outcomes.SettleAsync(id, Ada, Monday, OccurrenceOutcome.Done, At, "done", CancellationToken.None);

        Assert.Equal(2, skipped);
        Assert.Equal(OccurrenceOutcome.Done, await outcomes.FindAsync(id, Monday, CancellationToken.None));
        var left = await ((IDeliveryOutbox)occurrences).ClaimDueAsync(At.AddDays(2), 10, CancellationToken.None);
        Assert.Equal([(Monday.AddDays(1), DeliveryKind.FollowUp)], left.Select(d => (d.LocalDate, d.Kind)));
    }

    [SkippableFact]
    public async Task Snooze_WritesTheSnooze_AndSkipsThatDaysPendingFollowUps_InOneStep_Once()
    {
        var (reminders, occurrences, _) = await CreateStoresAsync();
        var id = await AddAsync(reminders, "UTC", 8);
        var pending = Occurrence(id, Monday) with { State = DeliveryState.Pending };
        await occurrences.EnqueueManyAsync(
        [
            Occurrence(id, Monday), pending with { Kind = DeliveryKind.FollowUp, Sequence = 1 }, pending with { Kind = DeliveryKind.FollowUp, Sequence = 2 },
            pending with { LocalDate = Monday.AddDays(1), Kind = DeliveryKind.FollowUp, Sequence = 1 },
        ], CancellationToken.None);
        var snooze = pending with { Kind = DeliveryKind.Snooze, Sequence = 1, DueAt = At.AddHours(1) };

        var first = await occurrences.SnoozeAsync(snooze, "snoozed", CancellationToken.None);
        var again = await occurrences.SnoozeAsync(snooze, "snoozed", CancellationToken.None);

        Assert.Equal((true, false), (first, again));
        var left = await ((IDeliveryOutbox)occurrences).ClaimDueAsync(At.AddDays(2), 10, CancellationToken.None);
        Assert.Equal([(Monday, DeliveryKind.Snooze), (Monday.AddDays(1), DeliveryKind.FollowUp)], left.Select(d => (d.LocalDate, d.Kind)).Order());
    }

    private static async Task<long> AddAsync(IReminderStore reminders, string zone, int hour) =>
        (await reminders.AddAsync(Subscription(zone, hour), CancellationToken.None)).Id;

    private static ReminderSubscription Subscription(string zone, int hour) =>
        new(0, Ada, new ChatAddress("telegram", "-1"), new TimeOnly(hour, 0), zone, ReminderState.Active, At);

    private static Delivery Occurrence(long subscriptionId, DateOnly date) =>
        new(0, subscriptionId, new ChatAddress("telegram", "-1"), date, DeliveryKind.Daily, At, DeliveryState.Sent, 0, "Time for your routine");
}
