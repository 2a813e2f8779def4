using LymphBot.Core.Chat;
using LymphBot.Core.Programs;
using LymphBot.Core.Scheduling;

namespace LymphBot.Testing.Programs;

/// <summary>
/// What every <see cref="IProgramEnrollmentStore"/> does beside the reminder store of its database, run against the SQL
/// store on each database and against <see cref="InMemoryProgramEnrollmentStore"/>.
/// </summary>
public abstract class ProgramEnrollmentStoreContract
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 7, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly FirstDay = new(2026, 11, 24);
    private static readonly ChatUser Ada = new("telegram", "31", string.Empty);
    private static readonly ChatUser Bob = new("telegram", "32", string.Empty);
    private static readonly ChatAddress Group = new("telegram", "-100");

    /// <summary>The stores of one database: reminders, enrollments, and the chat migration that moves both.</summary>
    protected abstract Task<(IReminderStore Reminders, IProgramEnrollmentStore Enrollments, IChatMigrationStore Migrations)> CreateStoresAsync();

    [SkippableFact]
    public async Task Join_StoresTheCourseAndTheEnrollment_AndASecondJoinChangesNothing()
    {
        var (reminders, enrollments, _) = await CreateStoresAsync();

        var first = await enrollments.JoinAsync(Enrollment(Ada), Course(Ada), CancellationToken.None);
        var second = await enrollments.JoinAsync(Enrollment(Ada), Course(Ada), CancellationToken.None);

        Assert.True(first.Joined);
        Assert.False(second.Joined);
        Assert.Equal(first.Enrollment.Id, second.Enrollment.Id);
        var course = await reminders.FindAsync(first.Enrollment.SubscriptionId!.Value, CancellationToken.None);
        Assert.Equal((ReminderKind.Program, FirstDay, FirstDay.AddDays(7)), (course!.Kind, course.Schedule.From, course.Schedule.Until));
        Assert.Single(await enrollments.ListForMemberAsync(Ada, CancellationToken.None));
        Assert.Equal(first.Enrollment.Id, (await enrollments.FindBySubscriptionAsync(course.Id, CancellationToken.None))!.Id);
        Assert.Empty(await reminders.ListForMemberAsync(Ada.Platform, Ada.UserId, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Join_AfterTheCourseEndedWithoutItsSummary_JoinsAgain()
    {
        var (reminders, enrollments, _) = await CreateStoresAsync();
        var first = await enrollments.JoinAsync(Enrollment(Ada), Course(Ada), CancellationToken.None);
        await reminders.UpdateStateAsync(first.Enrollment.SubscriptionId!.Value, ReminderState.Finished, null, "ended", CancellationToken.None);

        var again = await enrollments.JoinAsync(Enrollment(Ada), Course(Ada), CancellationToken.None);

        Assert.True(again.Joined);
        Assert.Equal(
            [ProgramEnrollmentState.Active, ProgramEnrollmentState.Finished],
            (await enrollments.ListForMemberAsync(Ada, CancellationToken.None)).Select(e => e.State));
    }

    [SkippableFact]
    public async Task End_FinishesOrLeavesAnActiveEnrollmentOnce_AndCountsAreByChatAndState()
    {
        var (_, enrollments, _) = await CreateStoresAsync();
        var ada = (await enrollments.JoinAsync(Enrollment(Ada), Course(Ada), CancellationToken.None)).Enrollment;
        var bob = (await enrollments.JoinAsync(Enrollment(Bob), Course(Bob), CancellationToken.None)).Enrollment;
        await enrollments.JoinAsync(Enrollment(Bob) with { ProgramId = "other" }, Course(Bob), CancellationToken.None);

        Assert.True(await enrollments.EndAsync(ada.Id, ProgramEnrollmentState.Finished, 5, At.AddDays(8), CancellationToken.None));

        // Finished, Ada may join again, here in another chat; one member on one program at a time, whichever chat.
        Assert.True((await enrollments.JoinAsync(Enrollment(Ada) with { Chat = new ChatAddress("telegram", "-200") }, Course(Ada), CancellationToken.None)).Joined);
        Assert.False(await enrollments.EndAsync(ada.Id, ProgramEnrollmentState.Left, null, At.AddDays(9), CancellationToken.None));
        Assert.True(await enrollments.EndAsync(bob.Id, ProgramEnrollmentState.Left, null, At.AddDays(2), CancellationToken.None));

        var finished = (await enrollments.ListForMemberAsync(Ada, CancellationToken.None)).Single(e => e.Id == ada.Id);
        Assert.Equal((ProgramEnrollmentState.Finished, (int?)5, (DateTimeOffset?)At.AddDays(8)), (finished.State, finished.DaysDone, finished.EndedAt));
        Assert.Equal(
            [new ProgramCounts("gentle-7", 2, 0, 1, 1), new ProgramCounts("other", 1, 1, 0, 0)],
            await enrollments.CountAsync(Group, CancellationToken.None));
        Assert.Equal([new ProgramCounts("gentle-7", 1, 1, 0, 0)], await enrollments.CountAsync(new ChatAddress("telegram", "-200"), CancellationToken.None));
        Assert.Empty(await enrollments.CountAsync(new ChatAddress("discord", "-100"), CancellationToken.None));
    }

    [SkippableFact]
    public async Task ChatMigration_MovesTheEnrollmentsAndTheirCourses_ToTheNewChatId()
    {
        var (reminders, enrollments, migrations) = await CreateStoresAsync();
        var ada = (await enrollments.JoinAsync(Enrollment(Ada), Course(Ada), CancellationToken.None)).Enrollment;
        var elsewhere = (await enrollments.JoinAsync(Enrollment(Bob) with { Chat = new ChatAddress("telegram", "-200") }, Course(Bob) with { Chat = new ChatAddress("telegram", "-200") }, CancellationToken.None)).Enrollment;
        var supergroup = new ChatAddress("telegram", "-1001");

        await migrations.MoveAsync(Group, supergroup, CancellationToken.None);

        // The moderators of the supergroup count what the group's members joined; the group's id has nothing left.
        Assert.Equal(supergroup, (await enrollments.ListForMemberAsync(Ada, CancellationToken.None)).Single(e => e.Id == ada.Id).Chat);
        Assert.Equal([new ProgramCounts("gentle-7", 1, 1, 0, 0)], await enrollments.CountAsync(supergroup, CancellationToken.None));
        Assert.Empty(await enrollments.CountAsync(Group, CancellationToken.None));
        Assert.Equal(supergroup, (await reminders.FindAsync(ada.SubscriptionId!.Value, CancellationToken.None))!.Chat);
        Assert.Equal(new ChatAddress("telegram", "-200"), (await enrollments.ListForMemberAsync(Bob, CancellationToken.None)).Single(e => e.Id == elsewhere.Id).Chat);
    }

    private static ProgramEnrollment Enrollment(ChatUser member) =>
        new(0, "gentle-7", member, Group, 7, FirstDay, ProgramEnrollmentState.Active, At);

    private static ReminderSubscription Course(ChatUser member) =>
        new(0, member, Group, new TimeOnly(8, 0), "UTC", ReminderState.Active, At)
        {
            Kind = ReminderKind.Program,
            Schedule = new ReminderSchedule([new TimeOnly(8, 0)], from: FirstDay, until: FirstDay.AddDays(7)),
        };
}
