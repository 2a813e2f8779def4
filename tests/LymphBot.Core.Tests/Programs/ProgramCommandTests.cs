using LymphBot.Core.Privacy;
using LymphBot.Core.Programs;
using LymphBot.Core.Tests.Reminders;
using LymphBot.Testing.Moderation;
using LymphBot.Testing.Scheduling;

namespace LymphBot.Core.Tests.Programs;

/// <summary>/program and its Join buttons as conversations: offer, join (picking a time and zone), leave, stats, privacy.</summary>
public sealed class ProgramCommandTests
{
    private static readonly DateOnly Tuesday = new(2026, 11, 24);

    [Fact]
    public async Task Program_Bare_ListsTheShippedPrograms()
    {
        using var chat = ProgramBot.Create();

        var reply = await chat.Send("/program").ExpectReplyContaining("7 gentle days (gentle-7), 7 days");

        Assert.Contains("/program join gentle-7 8:00 Europe/Berlin", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offer_ByAModerator_PostsWhatItIsWithAJoinButton_ForEveryone()
    {
        using var chat = ProgramBot.Create(moderator: true);

        var offer = await chat.Send("/program offer gentle-7").ExpectReplyContaining("🌱 7 gentle days · 7 days");

        Assert.False(offer.Private);
        Assert.Equal("prg:join:gentle-7", offer.Button("Join").Data);
        Assert.Contains("One short step a day, at the time you pick", offer.Text, StringComparison.Ordinal);
        Assert.Equal("Lymphatic Massage: Benefits and Techniques, ¶1, ¶5", offer.Citation);
        var audit = Assert.Single(chat.Get<InMemoryAuditLog>().Entries);
        Assert.Equal(("program", true), (audit.Action, audit.Allowed));
        Assert.Contains("gentle-7", audit.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/program offer gentle-7")]
    [InlineData("/program stats")]
    public async Task ModeratorSubcommands_ByAMember_AreRefusedKindly_AndAudited(string command)
    {
        using var chat = ProgramBot.Create(moderator: false);

        var refusal = await chat.Send(command).ExpectReplyContaining("Only this chat's moderators can do that.");

        Assert.True(refusal.Private);
        Assert.Empty(refusal.Buttons);
        Assert.False(Assert.Single(chat.Get<InMemoryAuditLog>().Entries).Allowed);
    }

    [Fact]
    public async Task Join_WithASavedZone_TimeButtonJoins_AndPressingItAgainJoinsOnce()
    {
        using var chat = ProgramBot.Create();
        await chat.Send("/timezone Europe/Berlin");

        var picker = (await chat.Press("prg:join:gentle-7"))!;
        Assert.True(picker.Private);
        Assert.False(picker.ReplacesPressedMessage); // the offer is everyone's and stays
        Assert.Equal(["07:00", "08:00", "09:00", "12:00", "18:00", "20:00", "21:00"], picker.Buttons.SelectMany(r => r).Select(b => b.Label));
        var time = picker.Button("08:00").Data;

        var joined = (await chat.Press(time))!;
        var again = (await chat.Press(time))!;

        Assert.StartsWith("You're in: **7 gentle days**, one step a day at **08:00 Europe/Berlin** for 7 days", joined.Text, StringComparison.Ordinal);
        Assert.True(joined.ReplacesPressedMessage);
        Assert.StartsWith("You're already on **7 gentle days** (it starts with its next step, at 08:00 Europe/Berlin), so nothing changed.", again.Text, StringComparison.Ordinal);
        var course = Assert.Single(chat.Courses());

        // 08:00 UTC is 09:00 in Berlin: today's 08:00 has passed, so day 1 is tomorrow; the summary comes the day after day 7.
        Assert.Equal((new TimeOnly(8, 0), "Europe/Berlin", Tuesday, Tuesday.AddDays(7), chat.Address), (course.LocalTime, course.TimeZone, course.Schedule.From, course.Schedule.Until, course.Chat));
        var enrollment = Assert.Single(chat.Enrollments());
        Assert.Equal(("gentle-7", 7, Tuesday, ProgramEnrollmentState.Active, course.Id), (enrollment.ProgramId, enrollment.Days, enrollment.FirstDay, enrollment.State, enrollment.SubscriptionId));
        Assert.Equal([("Europe/Berlin", new TimeOnly(8, 0))], chat.Get<RecordingSlotScheduler>().Slots);
        await chat.Send("/reminders").ExpectReplyContaining("You have no reminders yet");
        await chat.Press("prg:join:gentle-7").ExpectReplyContaining("You're already on 7 gentle days");
    }

    [Fact]
    public async Task Join_WithNoSavedZone_OffersZones_AndTheZoneButtonJoins()
    {
        using var chat = ProgramBot.Create();

        var zones = await chat.JoinAtAsync("07:00");
        Assert.StartsWith("Every day at 07:00: in which time zone?", zones.Text, StringComparison.Ordinal);
        Assert.Empty(chat.Courses());

        await chat.Press(zones.Button("Asia/Tokyo").Data).ExpectReplyContaining("at 07:00 Asia/Tokyo for 7 days");

        // 08:00 UTC is 17:00 in Tokyo: day 1 is Tuesday there.
        Assert.Equal(("Asia/Tokyo", Tuesday), (chat.Courses()[0].TimeZone, chat.Enrollments()[0].FirstDay));
    }

    [Fact]
    public async Task Picker_PressedByAnotherMember_ChangesNothing()
    {
        using var chat = ProgramBot.Create();
        var zones = await chat.JoinAtAsync("07:00");

        await chat.Member("43", "Bob").Press(zones.Button("UTC").Data).ExpectReplyContaining("Those buttons are for the member who pressed Join");

        Assert.Empty(chat.Enrollments());
    }

    [Fact]
    public async Task JoinTyped_WithTimeAndZone_JoinsAtOnce_StartingTodayWhenTheTimeIsStillToCome()
    {
        using var chat = ProgramBot.Create();

        // 08:00 UTC is 03:00 in New York: today's 07:30 is still to come.
        await chat.Send("/program join gentle-7 7:30 America/New_York").ExpectReplyContaining("at 07:30 America/New_York for 7 days");

        Assert.Equal(Tuesday.AddDays(-1), chat.Enrollments()[0].FirstDay);
    }

    [Theory]
    [InlineData("/program join gentle-7 8:00", "Which time zone are you in? Send /program join gentle-7 08:00 Europe/Berlin")]
    [InlineData("/program join gentle-7 25:00 UTC", "\"25:00\" is not [time]")]
    [InlineData("/program join nope 8:00 UTC", "There is no program 'nope'. Send /program to see the programs.")]
    [InlineData("/program join gentle_7! 8:00 UTC", "\"gentle_7!\" is not <program>, which takes one word such as gentle-7")]
    [InlineData("/program join", "/program join needs <program>: one word such as gentle-7")]
    [InlineData("/program offer", "/program offer needs <program>")]
    [InlineData("/program leave", "You're not on any program. Send /program to see them.")]
    [InlineData("/program leave gentle-7", "You're not on any program.")]
    public async Task BadInput_GetsOneClearLine_AndChangesNothing(string command, string expected)
    {
        using var chat = ProgramBot.Create(moderator: true);

        await chat.Send(command).ExpectReplyContaining(expected);

        Assert.Empty(chat.Enrollments());
        Assert.Empty(chat.Courses());
    }

    [Theory]
    [InlineData("prg:join:nope", "That program is no longer offered.")]
    [InlineData("prg:zone:00000000:gentle-7:0800:99", "That button doesn't work.")]
    [InlineData("prg:time:00000000:gentle-7:2599", "That button doesn't work.")]
    [InlineData("prg:leave", "That button doesn't work.")]
    public async Task ForgedButtons_ChangeNothing(string data, string expected)
    {
        using var chat = ProgramBot.Create();

        await chat.Press(data).ExpectReplyContaining(expected);

        Assert.Empty(chat.Enrollments());
    }

    [Fact]
    public async Task Leave_StopsTheCourse_AndAgainSaysThereIsNone()
    {
        using var chat = ProgramBot.Create();
        await chat.Send("/program join gentle-7 8:00 UTC");

        await chat.Send("/program leave").ExpectReplyContaining("You've left 7 gentle days. No more steps will come.");
        await chat.Send("/program leave").ExpectReplyContaining("You're not on any program.");

        Assert.Empty(chat.Courses());
        Assert.Equal(ProgramEnrollmentState.Left, Assert.Single(chat.Enrollments()).State);
        await chat.Send("/program join gentle-7 8:00 UTC").ExpectReplyContaining("You're in");
    }

    [Fact]
    public async Task Stats_CountsJoinedActiveFinishedAndLeft_NamingNobody()
    {
        using var chat = ProgramBot.Create(moderator: true);
        await chat.Member("43", "Bob").Send("/program join gentle-7 8:00 UTC");
        await chat.Member("44", "Cleo").Send("/program join gentle-7 9:00 UTC");
        await chat.Member("44", "Cleo").Send("/program leave gentle-7");

        var stats = await chat.Send("/program stats").ExpectReplyContaining("• 7 gentle days (gentle-7): 2 joined, 1 on it now, 0 finished, 1 left");

        Assert.True(stats.Private);
        Assert.DoesNotContain("Bob", stats.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("43", stats.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Cleo", stats.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyData_ShowsEnrollments_AndForgetMeDeletesThemWithTheCourse()
    {
        using var chat = ProgramBot.Create();
        await chat.Send("/program join gentle-7 8:00 UTC");

        await chat.Send("/mydata").ExpectReplyContaining("Programs: gentle-7 in test:chat-1, joined 2026-11-23, on it, 7 days from 2026-11-24");
        await chat.Press(ForgetMeCommand.ConfirmData);

        Assert.Empty(chat.Enrollments());
        Assert.Empty(chat.Courses());
        await chat.Send("/mydata").ExpectReplyContaining("Programs: none");
    }
}
