using LymphBot.Core.Adherence;
using LymphBot.Core.Scheduling;
using LymphBot.Core.Tests.Reminders;
using LymphBot.Testing.Conversations;
using LymphBot.Testing.Scheduling;

namespace LymphBot.Core.Tests.Adherence;

/// <summary><c>/remind nag</c>: set and read as typed, and what the fan-out and the buttons do with it (fake clock at 08:00 UTC).</summary>
public sealed class FollowUpTests
{
    [Theory]
    [InlineData("20m x3", 20, 3)]
    [InlineData("20 min 3 times", 20, 3)]
    [InlineData("every 1h x2", 60, 2)]
    [InlineData("5m 1x", 5, 1)]
    [InlineData("4 hours x5", 240, 5)]
    public void TryParse_ReadsHowOftenAndHowManyTimes(string text, int minutes, int times)
    {
        Assert.True(FollowUp.TryParse(text, out var followUp, out _));
        Assert.Equal(new FollowUp(TimeSpan.FromMinutes(minutes), times), followUp);
    }

    [Theory]
    [InlineData("20m", "for example /remind nag 3 20m x3")]
    [InlineData("x3", "for example /remind nag 3 20m x3")]
    [InlineData("often", "for example /remind nag 3 20m x3")]
    [InlineData("2m x3", "every 5 minutes to 4 hours, 1 to 5 times")]
    [InlineData("20m x6", "every 5 minutes to 4 hours, 1 to 5 times")]
    [InlineData("5h x1", "every 5 minutes to 4 hours, 1 to 5 times")]
    public async Task Nag_BadInput_GetsOneLineWithAnExample_AndChangesNothing(string text, string expected)
    {
        using var chat = await SubscribedAsync();

        await chat.Send("/remind nag 1 " + text).ExpectReplyContaining(expected);

        Assert.Null(await chat.Get<IFollowUpStore>().FindAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task Nag_OnSomeoneElsesReminder_IsRefused()
    {
        using var chat = await SubscribedAsync();

        await chat.Other().Send("/remind nag 1 20m x3").ExpectReplyContaining("You have no reminder #1.");

        Assert.Null(await chat.Get<IFollowUpStore>().FindAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task Nag_WritesTheFollowUpsWithTheOccurrence_AndDoneSkipsThoseStillPending()
    {
        using var chat = await SubscribedAsync();
        await chat.Send("/remind nag 1 20m x3").ExpectReplyContaining("every 20 min, 3 times at most");

        await chat.Get<ReminderFanOut>().RunAsync("UTC", new TimeOnly(8, 0), CancellationToken.None);
        var at = chat.Time.GetUtcNow();
        var followUps = Deliveries(chat).Where(d => d.Kind == DeliveryKind.FollowUp).ToList();
        Assert.Equal([(1, at.AddMinutes(20)), (2, at.AddMinutes(40)), (3, at.AddMinutes(60))], followUps.Select(d => (d.Sequence, d.DueAt)));

        var daily = Deliveries(chat).Single(d => d.Kind == DeliveryKind.Daily);
        await chat.Press($"rem:done:{daily.Id}").ExpectReplyContaining("Well done!");

        Assert.All(Deliveries(chat).Where(d => d.Kind == DeliveryKind.FollowUp), d => Assert.Equal((DeliveryState.Skipped, "done"), (d.State, d.Reason)));
    }

    [Fact]
    public async Task Snooze_SkipsTheDaysPendingFollowUps_NotItself()
    {
        using var chat = await SubscribedAsync();
        await chat.Send("/remind nag 1 20m x3").ExpectReplyContaining("every 20 min");
        await chat.Get<ReminderFanOut>().RunAsync("UTC", new TimeOnly(8, 0), CancellationToken.None);
        var daily = Deliveries(chat).Single(d => d.Kind == DeliveryKind.Daily);

        await chat.Press($"rem:snooze:{daily.Id}:60").ExpectReplyContaining("snooze 1 of 3");

        Assert.All(Deliveries(chat).Where(d => d.Kind == DeliveryKind.FollowUp), d => Assert.Equal(DeliveryState.Skipped, d.State));
        Assert.Equal(DeliveryState.Pending, Deliveries(chat).Single(d => d.Kind == DeliveryKind.Snooze).State);
    }

    [Fact]
    public async Task NagOff_RemovesThem_AndTheNextOccurrenceComesAlone()
    {
        using var chat = await SubscribedAsync();
        await chat.Send("/remind nag 1 1h x2").ExpectReplyContaining("every 1 h, 2 times at most");

        await chat.Send("/remind nag 1 off").ExpectReplyContaining("with no follow-ups");
        await chat.Get<ReminderFanOut>().RunAsync("UTC", new TimeOnly(8, 0), CancellationToken.None);

        Assert.Equal(DeliveryKind.Daily, Assert.Single(Deliveries(chat)).Kind);
    }

    [Fact]
    public async Task Nag_OnARoutine_FollowsUpEachOfItsTimes_ByTheOneIdTheMemberSees()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 8:00 and 20:00 UTC").ExpectReplyContaining("Reminder #1");

        await chat.Send("/remind nag 2 20m x3").ExpectReplyContaining("You have no reminder #2.");
        await chat.Send("/remind nag 1 20m x3").ExpectReplyContaining("every 20 min, 3 times at most at each of its times (08:00 and 20:00 UTC)");
        await chat.Get<ReminderFanOut>().RunAsync("UTC", new TimeOnly(8, 0), CancellationToken.None);
        chat.Time.Advance(TimeSpan.FromHours(12));
        await chat.Get<ReminderFanOut>().RunAsync("UTC", new TimeOnly(20, 0), CancellationToken.None);

        Assert.Equal([(1L, 3), (2L, 3)], Deliveries(chat).Where(d => d.Kind == DeliveryKind.FollowUp).GroupBy(d => d.SubscriptionId).Select(g => (g.Key, g.Count())));
        await chat.Send("/remind nag 1 off").ExpectReplyContaining("Reminder #1 comes once again at each of its times (08:00 and 20:00 UTC), with no follow-ups.");
        Assert.All(await Task.WhenAll(chat.Reminders().Select(r => chat.Get<IFollowUpStore>().FindAsync(r.Id, CancellationToken.None))), Assert.Null);
    }

    private static async Task<TestChat> SubscribedAsync()
    {
        var chat = ReminderBot.Create();
        await chat.Remind("/remind 8:00 UTC").ExpectReplyContaining("Reminder #1");
        return chat;
    }

    private static IReadOnlyList<Delivery> Deliveries(TestChat chat) => chat.Get<InMemoryDeliveryStore>().All;
}
