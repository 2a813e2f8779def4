using System.Globalization;
using LymphBot.Core.Adherence;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Programs;
using LymphBot.Core.Scheduling;
using LymphBot.Testing.Chat;
using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LymphBot.Tests.Programs;

/// <summary>A whole program on the real host (real Quartz, real SQLite, the shipped gentle-7) driven by a fake clock.</summary>
public sealed class ProgramRunTests
{
    private static readonly ChatAddress Group = new(RecordingPlatform.PlatformName, "group-1");
    private static readonly ChatUser Ada = new(RecordingPlatform.PlatformName, "ada", "Ada");
    private static readonly ChatUser Moderator = new(RecordingPlatform.PlatformName, "mod", "Mo");

    [Fact]
    public async Task Join_SevenDailyStepsInTheMembersZone_ThenASummaryOfTheDaysDoneAndMissed_ThenNothing()
    {
        using var data = new TempDirectory();
        await using var host = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-23T12:00:00Z")), $"--Moderators:Users:0={Moderator}");

        // The offer's Join, then 08:00 and Europe/Berlin, as the buttons carry them; the last press twice joins once.
        var offer = await SendAsync(host, Moderator, "/program offer gentle-7");
        var picker = await PressAsync(host, Ada, Button(offer, "Join"));
        var zones = await PressAsync(host, Ada, Button(picker, "08:00"));
        var berlin = Button(zones, "Europe/Berlin");
        Assert.StartsWith("You're in: **7 gentle days**", (await PressAsync(host, Ada, berlin)).Text, StringComparison.Ordinal);
        Assert.StartsWith("You're already on **7 gentle days**", (await PressAsync(host, Ada, berlin)).Text, StringComparison.Ordinal);

        // Each day at 08:00 in Berlin (07:00 UTC in winter): the day's step; Ada ticks days 1, 2, 4 and 7 Done, skips day 5
        // and leaves days 3 and 6.
        // The clock may run past the minute while a busy machine's scheduler catches up: a late step (within the misfire
        // grace) is still that day's.
        for (var day = 1; day <= 7; day++)
        {
            host.Time.SetUtcNow(Utc("2026-11-23T06:59:00Z").AddDays(day));
            Assert.True(await host.AdvanceUntilSentAsync(day, TimeSpan.FromMinutes(90), TimeSpan.FromSeconds(30)), $"day {day} was not sent");
            var (address, step) = await host.Platform.NextAsync();
            Assert.Equal(Group, address);
            Assert.Contains($"7 gentle days, day {day} of 7:", step.Text, StringComparison.Ordinal);
            Assert.Contains("Source: Lymphatic Massage: Benefits and Techniques, ¶", step.Text, StringComparison.Ordinal);
            Assert.True(host.Platform.Attempts[^1] >= Utc("2026-11-23T07:00:00Z").AddDays(day));
            if (day is 1 or 2 or 4 or 7)
            {
                Assert.StartsWith("Well done!", (await PressAsync(host, Ada, Button(step, "Done"))).Text, StringComparison.Ordinal);
            }
            else if (day == 5)
            {
                await PressAsync(host, Ada, Button(step, "Skip"));
            }
        }

        // The day after day 7, at the same time: the summary, counted from the stored outcomes, with no buttons.
        host.Time.SetUtcNow(Utc("2026-12-01T06:59:00Z"));
        Assert.True(await host.AdvanceUntilSentAsync(8, TimeSpan.FromMinutes(90), TimeSpan.FromSeconds(30)));
        var summary = (await host.Platform.NextAsync()).Reply;
        Assert.Contains("7 gentle days: finished", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Done 4 of 7, missed 2, skipped 1.", summary.Text, StringComparison.Ordinal);
        Assert.Empty(summary.Buttons);

        // Then nothing more, and the course and the enrollment are finished.
        host.Time.SetUtcNow(Utc("2026-12-02T06:59:00Z"));
        await host.AdvanceAsync(TimeSpan.FromMinutes(90), TimeSpan.FromSeconds(30));
        Assert.Equal(8, host.Platform.All.Count);
        var enrollment = Assert.Single(await host.App.Services.GetRequiredService<IProgramEnrollmentStore>().ListForMemberAsync(Ada, CancellationToken.None));
        Assert.Equal((ProgramEnrollmentState.Finished, (int?)4, new DateOnly(2026, 11, 24)), (enrollment.State, enrollment.DaysDone, enrollment.FirstDay));
        Assert.Equal(ReminderState.Finished, (await host.Reminders.FindAsync(enrollment.SubscriptionId!.Value, CancellationToken.None))!.State);
        Assert.Equal(
            OccurrenceOutcome.Skipped,
            await host.App.Services.GetRequiredService<IOutcomeStore>().FindAsync(enrollment.SubscriptionId.Value, new DateOnly(2026, 11, 28), CancellationToken.None));
        Assert.Equal(8L, await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM reminder_deliveries"));

        // The days left unticked are stored Missed, as any routine's are (each when the next day's step came); the summary's day has no outcome.
        Assert.Equal(
            [(new DateOnly(2026, 11, 26), OccurrenceOutcome.Missed), (new DateOnly(2026, 11, 29), OccurrenceOutcome.Missed)],
            (await host.App.Services.GetRequiredService<IOutcomeStore>().ListAsync(enrollment.SubscriptionId.Value, new DateOnly(2026, 11, 24), CancellationToken.None))
                .Where(o => o.Outcome == OccurrenceOutcome.Missed).Select(o => (o.LocalDate, o.Outcome)));
        Assert.Null(await host.App.Services.GetRequiredService<IOutcomeStore>().FindAsync(enrollment.SubscriptionId.Value, new DateOnly(2026, 12, 1), CancellationToken.None));

        // The moderator sees counts, and nobody's days.
        var stats = await SendAsync(host, Moderator, "/program stats");
        Assert.Contains("7 gentle days (`gentle-7`): 1 joined, 0 on it now, 1 finished, 0 left", stats.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ada", stats.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Leave_AfterDayOne_SendsNoMoreSteps()
    {
        using var data = new TempDirectory();
        await using var host = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-23T12:00:00Z")));
        await SendAsync(host, Ada, "/program join gentle-7 8:00 UTC");
        host.Time.SetUtcNow(Utc("2026-11-24T07:59:00Z"));
        Assert.True(await host.AdvanceUntilSentAsync(1, TimeSpan.FromMinutes(90), TimeSpan.FromSeconds(30)));

        Assert.Contains("You've left", (await SendAsync(host, Ada, "/program leave")).Text, StringComparison.Ordinal);
        host.Time.SetUtcNow(Utc("2026-11-25T07:59:00Z"));
        await host.AdvanceAsync(TimeSpan.FromMinutes(90), TimeSpan.FromSeconds(30));

        Assert.Single(host.Platform.All);
        Assert.Equal(0L, await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM reminder_subscriptions"));
        Assert.Equal("Left", (await SqliteFile.QueryAsync<string>(data, "SELECT state FROM program_enrollments")).Single());
    }

    [Fact]
    public async Task MyData_ListsTheEnrollment_AndForgetMeDeletesItWithItsCourse_InTheDatabase()
    {
        using var data = new TempDirectory();
        await using var host = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-23T12:00:00Z")));
        await SendAsync(host, Ada, "/program join gentle-7 8:00 Europe/Berlin");

        Assert.Contains("Programs: gentle-7 in test:group-1, joined 2026-11-23, on it, 7 days from 2026-11-24", (await SendAsync(host, Ada, "/mydata")).Text, StringComparison.Ordinal);
        await PressAsync(host, Ada, LymphBot.Core.Privacy.ForgetMeCommand.ConfirmData);

        Assert.Equal(0L, await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM program_enrollments"));
        Assert.Equal(0L, await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM reminder_subscriptions"));
        Assert.Contains("Programs: none", (await SendAsync(host, Ada, "/mydata")).Text, StringComparison.Ordinal);
    }

    private static string Button(Reply reply, string label) => reply.Buttons.SelectMany(r => r).Single(b => b.Label == label).Data;

    private static async Task<Reply> SendAsync(ReminderHost host, ChatUser member, string text) =>
        (await host.App.Services.GetRequiredService<CommandRouter>().HandleAsync(new IncomingMessage(Group, member, text, ChatKind.Group), CancellationToken.None))!;

    private static async Task<Reply> PressAsync(ReminderHost host, ChatUser member, string data) =>
        (await host.App.Services.GetRequiredService<CommandRouter>().HandleAsync(
            new IncomingMessage(Group, member, string.Empty, ChatKind.Group, ButtonData: data), CancellationToken.None))!;

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
