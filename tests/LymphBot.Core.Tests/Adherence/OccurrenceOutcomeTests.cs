using LymphBot.Core.Adherence;
using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;
using LymphBot.Core.Tests.Reminders;
using LymphBot.Testing.Conversations;
using LymphBot.Testing.Scheduling;

namespace LymphBot.Core.Tests.Adherence;

/// <summary>
/// How an occurrence ends, by the buttons on it and by the clock: the real fan-out and buttons on the in-memory stores,
/// with a fake clock (the conversation starts Mon 23 Nov 2026 08:00 UTC).
/// </summary>
public sealed class OccurrenceOutcomeTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Fact]
    public async Task Done_StoresDone_AndCancelsAPendingSnooze()
    {
        using var chat = await SubscribedAsync();
        var reminder = await DeliverAsync(chat);
        await chat.Press(reminder.Button("Snooze 1 h").Data).ExpectReplyContaining("again in 1 h (snooze 1 of 3)");

        await chat.Press(reminder.Button("Done").Data).ExpectReplyContaining("Well done!");

        Assert.Equal(OccurrenceOutcome.SnoozedThenDone, Assert.Single(Outcomes(chat)).Outcome);
        Assert.Equal((DeliveryState.Skipped, "done"), (Latest(chat, DeliveryKind.Snooze).State, Latest(chat, DeliveryKind.Snooze).Reason));
    }

    [Fact]
    public async Task Done_WithoutSnooze_IsDone_AndSkip_IsSkipped()
    {
        using var chat = await SubscribedAsync();
        var reminder = await DeliverAsync(chat);

        await chat.Press(reminder.Button("Done").Data).ExpectReplyContaining("Well done!");
        Assert.Equal(OccurrenceOutcome.Done, Assert.Single(Outcomes(chat)).Outcome);

        await chat.Press(reminder.Button("Skip").Data).ExpectReplyContaining("Skipped for today.");
        Assert.Equal((Monday, OccurrenceOutcome.Skipped), (Assert.Single(Outcomes(chat)).LocalDate, Outcomes(chat)[0].Outcome));
    }

    [Fact]
    public async Task Snooze_ThreeTimesOnTheLatestMessage_TheFourthGetsAFriendlyLine()
    {
        using var chat = await SubscribedAsync();
        var message = await DeliverAsync(chat);
        string[] labels = ["Snooze 15 min", "Snooze 1 h", "Snooze 3 h"];
        var due = new List<DateTimeOffset>();
        for (var n = 1; n <= 3; n++)
        {
            await chat.Press(message.Button(labels[n - 1]).Data).ExpectReplyContaining($"(snooze {n} of 3)");
            var snooze = Latest(chat, DeliveryKind.Snooze);
            Assert.Equal(n, snooze.Sequence);
            due.Add(snooze.DueAt);
            message = Render(chat, snooze);
        }

        await chat.Press(message.Button("Snooze 15 min").Data).ExpectReplyContaining("That's 3 snoozes for this one already");

        var now = chat.Time.GetUtcNow();
        Assert.Equal([now.AddMinutes(15), now.AddHours(1), now.AddHours(3)], due);
        Assert.Equal(3, chat.Get<InMemoryDeliveryStore>().All.Count(d => d.Kind == DeliveryKind.Snooze));
        Assert.Empty(Outcomes(chat));
    }

    [Fact]
    public async Task Snooze_SameButtonTwice_WritesOneSnooze()
    {
        using var chat = await SubscribedAsync();
        var reminder = await DeliverAsync(chat);

        await chat.Press(reminder.Button("Snooze 15 min").Data).ExpectReplyContaining("snooze 1 of 3");
        await chat.Press(reminder.Button("Snooze 3 h").Data).ExpectReplyContaining("You've already snoozed this message");

        Assert.Single(chat.Get<InMemoryDeliveryStore>().All, d => d.Kind == DeliveryKind.Snooze);
    }

    [Theory]
    [InlineData("snooze:{0}:20")]
    [InlineData("snooze:{0}:x")]
    [InlineData("done:{0}:15")]
    [InlineData("nap:{0}")]
    [InlineData("done:999")]
    public async Task ForgedOrOldButtons_ChangeNothing(string payload)
    {
        using var chat = await SubscribedAsync();
        var reminder = await DeliverAsync(chat);
        var id = Latest(chat, DeliveryKind.Daily).Id;

        await chat.Press("rem:" + string.Format(System.Globalization.CultureInfo.InvariantCulture, payload, id)).ExpectReplyContaining("That reminder button no longer works.");
        await chat.Other().Press(reminder.Button("Done").Data).ExpectReplyContaining("That reminder button no longer works.");

        Assert.Single(chat.Get<InMemoryDeliveryStore>().All);
        Assert.Empty(Outcomes(chat));
    }

    [Fact]
    public async Task NotTickedByTheNextOccurrence_IsStoredMissed_AndItsButtonsNoLongerCount()
    {
        using var chat = await SubscribedAsync();
        var monday = await DeliverAsync(chat);
        chat.Time.Advance(TimeSpan.FromDays(1));
        var tuesday = await DeliverAsync(chat);

        Assert.Equal((Monday, OccurrenceOutcome.Missed), (Assert.Single(Outcomes(chat)).LocalDate, Outcomes(chat)[0].Outcome));
        await chat.Press(monday.Button("Done").Data).ExpectReplyContaining("stays missed");
        await chat.Press(tuesday.Button("Done").Data).ExpectReplyContaining("Well done!");
        Assert.Equal([OccurrenceOutcome.Missed, OccurrenceOutcome.Done], Outcomes(chat).Select(o => o.Outcome));

        // The next firing finds nothing left open: Tuesday was ticked.
        chat.Time.Advance(TimeSpan.FromDays(1));
        await DeliverAsync(chat);
        Assert.Equal([OccurrenceOutcome.Missed, OccurrenceOutcome.Done], Outcomes(chat).Select(o => o.Outcome));
    }

    [Fact]
    public async Task OldSingleSnoozeButton_StillSnoozesByTheConfiguredDelay()
    {
        using var chat = await SubscribedAsync();
        await DeliverAsync(chat);

        await chat.Press($"rem:snooze:{Latest(chat, DeliveryKind.Daily).Id}").ExpectReplyContaining("again in 30 min");

        Assert.Equal(chat.Time.GetUtcNow().AddMinutes(30), Latest(chat, DeliveryKind.Snooze).DueAt);
    }

    private static async Task<TestChat> SubscribedAsync()
    {
        var chat = ReminderBot.Create();
        await chat.Remind("/remind 8:00 UTC").ExpectReplyContaining("Reminder #1");
        return chat;
    }

    /// <summary>Runs the 08:00 UTC slot as its trigger would, and renders the occurrence it wrote as it would be sent.</summary>
    private static async Task<Reply> DeliverAsync(TestChat chat)
    {
        await chat.Get<ReminderFanOut>().RunAsync("UTC", new TimeOnly(8, 0), CancellationToken.None);
        return Render(chat, Latest(chat, DeliveryKind.Daily));
    }

    private static Reply Render(TestChat chat, Delivery delivery) =>
        chat.Get<ScheduledContents>().For(ReminderKind.Routine).Render(delivery, chat.Reminders().Single(r => r.Id == delivery.SubscriptionId));

    private static Delivery Latest(TestChat chat, DeliveryKind kind) =>
        chat.Get<InMemoryDeliveryStore>().All.Where(d => d.Kind == kind).OrderBy(d => d.Id).Last();

    private static IReadOnlyList<OutcomeRecord> Outcomes(TestChat chat) => chat.Get<InMemoryOutcomeStore>().All;
}
