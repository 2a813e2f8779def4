using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;
using LymphBot.Core.Tests.Reminders;
using LymphBot.Testing.Scheduling;

namespace LymphBot.Core.Tests.Adherence;

/// <summary>
/// <c>/progress weekly on|off</c>: a durable setting, one per member, fired by its (zone, time) slot and written to the
/// outbox once per week like a reminder. The clock starts Monday 23 November 2026 at 08:00 UTC.
/// </summary>
public sealed class WeeklyRecapTests
{
    [Fact]
    public async Task WeeklyOn_WithADayTimeAndZone_EnsuresItsSlot_AndIsNotAReminder()
    {
        using var chat = ReminderBot.Create();

        await chat.Send("/progress weekly on sun 18:00 Europe/Berlin")
            .ExpectReplyContaining("Weekly recap on: every Sunday at 18:00 (Europe/Berlin): each routine's last 7 days and its streak. Next: Sun 29 Nov 18:00 Europe/Berlin.");

        var recap = Assert.Single(chat.Reminders());
        Assert.Equal((ReminderKind.WeeklyRecap, ScheduleDays.Sunday, new TimeOnly(18, 0)), (recap.Kind, recap.Schedule.Days, recap.LocalTime));
        Assert.Equal([("Europe/Berlin", new TimeOnly(18, 0))], chat.Get<RecordingSlotScheduler>().Slots);
        await chat.Send("/reminders").ExpectReplyContaining("You have no reminders yet.");
        await chat.Send("/progress").ExpectReplyContaining("Weekly recap: every Sunday at 18:00 (Europe/Berlin).");
    }

    [Fact]
    public async Task WeeklyOn_JustATime_IsSundaysInTheSavedZone_AndSettingItAgainReplacesIt()
    {
        using var chat = ReminderBot.Create();
        await chat.Send("/progress weekly on 19:00").ExpectReplyContaining("Which time zone are you in?");
        Assert.Empty(chat.Reminders());
        await chat.Send("/timezone America/New_York");

        await chat.Send("/progress weekly on 7pm").ExpectReplyContaining("every Sunday at 19:00 (America/New_York)");
        await chat.Send("/progress weekly on friday 8:30 pm").ExpectReplyContaining("every Friday at 20:30 (America/New_York)");

        var recap = Assert.Single(chat.Reminders());
        Assert.Equal((1L, ScheduleDays.Friday, new TimeOnly(20, 30)), (recap.Id, recap.Schedule.Days, recap.LocalTime));
    }

    [Theory]
    [InlineData("/progress weekly on", "When should the recap come?")]
    [InlineData("/progress weekly on funday 18:00", "When should the recap come?")]
    [InlineData("/progress weekly on mon-fri 18:00", "A weekly recap comes on one day of the week")]
    [InlineData("/progress weekly on sun 25:00", "When should the recap come?")]
    [InlineData("/progress weekly on sun 18:00 Mars/Olympus", "know no such zone")]
    [InlineData("/progress weekly maybe", "Turn the weekly recap on with a day and a time")]
    [InlineData("/progress weekly", "/progress weekly needs <setting>")]
    public async Task Weekly_BadInput_GetsOneLine_AndChangesNothing(string command, string expected)
    {
        using var chat = ReminderBot.Create();
        await chat.Send("/timezone UTC");

        await chat.Send(command).ExpectReplyContaining(expected);

        Assert.Empty(chat.Reminders());
        Assert.Empty(chat.Get<RecordingSlotScheduler>().Slots);
    }

    [Fact]
    public async Task WeeklyOff_RemovesIt_AndSaysSoWhenThereIsNone()
    {
        using var chat = ReminderBot.Create();
        await chat.Send("/progress weekly on sun 18:00 UTC");

        await chat.Send("/progress weekly off").ExpectReplyContaining("Weekly recap off.");
        await chat.Send("/progress weekly off").ExpectReplyContaining("You have no weekly recap, so nothing changed.");

        Assert.Empty(chat.Reminders());
    }

    [Fact]
    public async Task WeeklyOn_InAGroup_GoesToTheMembersDirectChat()
    {
        using var chat = ReminderBot.Create(ChatKind.Group);
        var direct = new ChatAddress("test", "dm-42");

        await chat.Router.HandleAsync(
            new IncomingMessage(chat.Address, chat.Member, "/progress weekly on sun 18:00 UTC", ChatKind.Group) { DirectChat = direct }, CancellationToken.None);

        Assert.Equal(direct, Assert.Single(chat.Reminders()).Chat);
    }

    [Fact]
    public async Task Recap_WhenItsSlotFires_IsWrittenOnce_WithEachRoutinesWeekAndStreak()
    {
        using var chat = ReminderBot.Create();
        await chat.Remind("/remind 9:00 UTC walk");
        await chat.Send("/progress weekly on sun 18:00 UTC");
        var fanOut = chat.Get<ReminderFanOut>();
        for (var day = 23; day <= 29; day++)
        {
            chat.Time.SetUtcNow(new DateTimeOffset(2026, 11, day, 9, 0, 0, TimeSpan.Zero));
            await fanOut.RunAsync("UTC", new TimeOnly(9, 0), CancellationToken.None);
            var delivery = chat.Get<InMemoryDeliveryStore>().All.Single(d => d.LocalDate.Day == day && d.SubscriptionId == 1);
            if (day != 25)
            {
                await chat.Press($"rem:done:{delivery.Id}");
            }

            if (day == 28)
            {
                // Saturday: the recap's slot fires every day, and the recap is Sunday's.
                chat.Time.SetUtcNow(new DateTimeOffset(2026, 11, 28, 18, 0, 0, TimeSpan.Zero));
                Assert.Equal(0, await fanOut.RunAsync("UTC", new TimeOnly(18, 0), CancellationToken.None));
            }
        }

        chat.Time.SetUtcNow(new DateTimeOffset(2026, 11, 29, 18, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await fanOut.RunAsync("UTC", new TimeOnly(18, 0), CancellationToken.None));
        Assert.Equal(0, await fanOut.RunAsync("UTC", new TimeOnly(18, 0), CancellationToken.None));

        var recap = Assert.Single(chat.Get<InMemoryDeliveryStore>().All, d => d.SubscriptionId == 2);
        var text = ReplyMarkup.ToPlainText(recap.Text);
        Assert.Contains("Your week (Mon 23 Nov to Sun 29 Nov)", text, StringComparison.Ordinal);
        Assert.Contains("#1 walk — every day at 09:00 (UTC)\nMon 23 Nov  ✅✅❌✅✅✅✅\n6 of 7 done · streak: 4 days", text, StringComparison.Ordinal);
        Assert.Contains("/progress weekly off stops these recaps.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recap_OfAMemberWithNoRoutines_SendsNothing()
    {
        using var chat = ReminderBot.Create();
        await chat.Send("/progress weekly on sun 18:00 UTC");

        chat.Time.SetUtcNow(new DateTimeOffset(2026, 11, 29, 18, 0, 0, TimeSpan.Zero));

        Assert.Equal(0, await chat.Get<ReminderFanOut>().RunAsync("UTC", new TimeOnly(18, 0), CancellationToken.None));
    }
}
