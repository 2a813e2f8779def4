using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Scheduling;
using LymphBot.Storage;
using LymphBot.Testing.Chat;
using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LymphBot.Tests.Reminders;

/// <summary>The reminder commands through the console adapter, on real SQLite and Quartz.</summary>
public sealed class ReminderCommandTests
{
    [Fact]
    public async Task Remind_EchoesTimeZoneAndNextThree_AndListsIt()
    {
        using var data = new TempDirectory();

        var replies = await ConsoleSession.RunAsync(data, "/remind 8:30 pm Europe/Berlin", "1", "/reminders", "/remind 20:30 europe/berlin");

        Assert.StartsWith("Every day at 20:30 (Europe/Berlin)\nNext:", replies[0], StringComparison.Ordinal);
        Assert.Equal(3, replies[0].Split('\n').Count(l => l.StartsWith("• ", StringComparison.Ordinal)));
        Assert.EndsWith("Save this reminder?\n\n  [1] ✔ Save\n  [2] ✖ Cancel", replies[0], StringComparison.Ordinal);
        Assert.StartsWith("(updated) Saved! Reminder #1: every day at 20:30 (Europe/Berlin).", replies[1], StringComparison.Ordinal);
        Assert.Contains("#1  20:30 Europe/Berlin — active", replies[2], StringComparison.Ordinal);
        Assert.Equal("You already have reminder #1 at 20:30 Europe/Berlin. Nothing changed.", replies[3]);
        Assert.Equal(1L, await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM reminder_subscriptions"));
        Assert.Equal(1L, await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_group = 'reminder-slots'"));
    }

    [Fact]
    public async Task InvalidInput_OneClearReplyWithExample_CreatesNothing()
    {
        using var data = new TempDirectory();

        var replies = await ConsoleSession.RunAsync(data, "/remind 25:61", "/remind 8:00 Mars/Olympus", "/remind every tuesday-ish", "/remind", "/remind 8:00", "/remind 8:00 UTC " + new string('x', 61));

        Assert.All(replies.Take(5), r => Assert.Contains("/remind 8:00 Europe/Berlin", r, StringComparison.Ordinal));
        Assert.StartsWith("/remind add: \"25:61\" is not <time>, which takes a time such as 8:00", replies[0], StringComparison.Ordinal);
        Assert.StartsWith("/remind add: \"Mars/Olympus\" is not [zone], which takes a time zone such as Europe/Berlin", replies[1], StringComparison.Ordinal);
        Assert.StartsWith("/remind add: \"every\" is not <time>", replies[2], StringComparison.Ordinal);
        Assert.StartsWith("That label has 61 characters; keep it to 60 or fewer.", replies[5], StringComparison.Ordinal);
        Assert.StartsWith("Which time zone are you in?", replies[4], StringComparison.Ordinal);
        Assert.Equal(0L, await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM reminder_subscriptions"));
    }

    [Fact]
    public async Task SavedZone_IsUsed_AndAtMostFivePerMember()
    {
        using var data = new TempDirectory();

        var replies = await ConsoleSession.RunAsync(
            data, "/timezone", "/timezone asia/kolkata", "/timezone", "/remind 6am", "1", "/remind 7am", "1", "/remind 8am", "1", "/remind 9am", "1", "/remind 10am", "1", "/remind 11am");

        Assert.StartsWith("You haven't saved a time zone yet", replies[0], StringComparison.Ordinal);
        Assert.Equal("Your time zone is Asia/Kolkata.", replies[2]);
        Assert.StartsWith("(updated) Saved! Reminder #1: every day at 06:00 (Asia/Kolkata).", replies[4], StringComparison.Ordinal);
        Assert.StartsWith("You already have 5 reminders", replies[13], StringComparison.Ordinal);
        Assert.Equal(5L, await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM reminder_subscriptions"));
    }

    [Fact]
    public async Task Remind_FromEightGroupsAtOnce_StoresAtMostFiveForTheMember()
    {
        using var data = new TempDirectory();
        await using var host = await ReminderHost.StartAsync(
            data,
            new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 6, 0, 0, TimeSpan.Zero)),
            [],
            services =>
            {
                services.AddSingleton<SqlReminderStore>();
                services.AddSingleton<IReminderStore>(sp => new LockstepReminderStore(sp.GetRequiredService<SqlReminderStore>(), callers: 8));
            });
        var router = host.App.Services.GetRequiredService<CommandRouter>();
        var member = new ChatUser(RecordingPlatform.PlatformName, "31", "Ada");

        // Eight groups, one member, all at once: the groups' lanes run in parallel, as on a real platform. Each preview
        // has room; the limit holds where it counts, at the eight Saves pressed at once.
        var previews = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => router.HandleAsync(
            new IncomingMessage(new ChatAddress(RecordingPlatform.PlatformName, $"group-{i}"), member, $"/remind 0{i}:30 UTC", ChatKind.Group, BotUsername: "bot"),
            CancellationToken.None))));
        var replies = await Task.WhenAll(previews.Select((p, i) => Task.Run(() => router.HandleAsync(
            new IncomingMessage(new ChatAddress(RecordingPlatform.PlatformName, $"group-{i}"), member, string.Empty, ChatKind.Group, BotUsername: "bot", ButtonData: p!.Buttons[0][0].Data),
            CancellationToken.None))));

        Assert.Equal(5, replies.Count(r => r!.Text.StartsWith("Saved!", StringComparison.Ordinal)));
        Assert.Equal(3, replies.Count(r => r!.Text.StartsWith("You already have 5 reminders", StringComparison.Ordinal)));
        Assert.Equal(5L, await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM reminder_subscriptions WHERE user_id = '31' AND state = 'Active'"));
    }

    [Fact]
    public async Task Remind_WithFullWidthOrArabicIndicDigits_AndABackwardZoneName_StoresTheCanonicalZone()
    {
        using var data = new TempDirectory();

        var replies = await ConsoleSession.RunAsync(data, "/remind ８:００ US/Eastern", "1", "/remind ٧:٣٠ Asia/Calcutta", "1", "/timezone US/Pacific", "/remind pause ２ ３");

        Assert.StartsWith("(updated) Saved! Reminder #1: every day at 08:00 (America/New_York).", replies[1], StringComparison.Ordinal);
        Assert.StartsWith("(updated) Saved! Reminder #2: every day at 07:30 (Asia/Kolkata).", replies[3], StringComparison.Ordinal);
        Assert.Contains("America/Los_Angeles", replies[4], StringComparison.Ordinal);
        Assert.StartsWith("Paused reminder #2 for 3 day(s)", replies[5], StringComparison.Ordinal);
        Assert.Equal(
            [("08:00", "America/New_York"), ("07:30", "Asia/Kolkata")],
            await SqliteFile.QueryAsync<(string, string)>(data, "SELECT local_time, time_zone FROM reminder_subscriptions ORDER BY id"));
        Assert.Equal(["America/Los_Angeles"], await SqliteFile.QueryAsync<string>(data, "SELECT time_zone FROM chat_users"));
    }

    [Fact]
    public async Task PauseResumeOff_ChangeOnlyYourReminders()
    {
        using var data = new TempDirectory();

        var replies = await ConsoleSession.RunAsync(
            data, "/remind 8:00 UTC", "1", "/remind pause 1 3", "/reminders", "/remind resume 1", "/remind pause 99", "/remind pause 1 0", "/remind off 1", "/remind off all");

        Assert.StartsWith("Paused reminder #1 for 3 day(s)", replies[2], StringComparison.Ordinal);
        Assert.Contains("paused until", replies[3], StringComparison.Ordinal);
        Assert.StartsWith("Reminder #1 is on again", replies[4], StringComparison.Ordinal);
        Assert.StartsWith("You have no reminder #99", replies[5], StringComparison.Ordinal);
        Assert.StartsWith("/remind pause: \"0\" is not [days], which takes a whole number from 1 to 365.", replies[6], StringComparison.Ordinal);
        Assert.StartsWith("Removed reminder #1 (08:00 UTC)", replies[7], StringComparison.Ordinal);
        Assert.Equal("You have no reminders.", replies[8]);
    }

    [Fact]
    public async Task RemindersButtons_TypedNumbers_PauseAndRemove_PrintingTheUpdatedListEachTime()
    {
        using var data = new TempDirectory();

        var replies = await ConsoleSession.RunAsync(data, "/remind 8:00 UTC", "1", "/reminders", "1", "1", "2");

        Assert.Contains("  [1] ⏸ Pause #1\n  [2] ✖ Remove #1", replies[2], StringComparison.Ordinal);
        Assert.StartsWith("(updated) Paused reminder #1.", replies[3], StringComparison.Ordinal);
        Assert.Contains("  [1] ▶ Resume #1\n  [2] ✖ Remove #1", replies[3], StringComparison.Ordinal);
        Assert.StartsWith("(updated) Reminder #1 is on again", replies[4], StringComparison.Ordinal);
        Assert.StartsWith("(updated) Removed reminder #1 (08:00 UTC).", replies[5], StringComparison.Ordinal);
        Assert.Equal(0L, await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM reminder_subscriptions"));
    }

    [Fact]
    public async Task Remind_Bare_TypedNumbers_PickATimeAndAZone_AddTheReminderOnce()
    {
        using var data = new TempDirectory();

        // 2 is 08:00 among the times, then Europe/Berlin among the zones (none is saved).
        var replies = await ConsoleSession.RunAsync(data, "/remind", "2", "2");

        Assert.StartsWith("When should I remind you each day?", replies[0], StringComparison.Ordinal);
        Assert.StartsWith("(updated) Every day at 08:00: in which time zone?", replies[1], StringComparison.Ordinal);
        Assert.StartsWith("(updated) Done! Reminder #1: every day at 08:00 Europe/Berlin.", replies[2], StringComparison.Ordinal);
        Assert.Equal(1L, await SqliteFile.ScalarAsync(data, "SELECT COUNT(*) FROM reminder_subscriptions"));
    }
}
