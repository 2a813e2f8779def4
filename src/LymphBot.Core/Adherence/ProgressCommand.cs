using System.Text;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Reminders;
using LymphBot.Core.Scheduling;
using LymphBot.Core.Users;

namespace LymphBot.Core.Adherence;

/// <summary>
/// <c>/progress</c>: each of the member's routines with its last four weeks, one mark a day, and its current streak;
/// <c>/progress weekly on [day] &lt;time&gt; [zone]</c> and <c>/progress weekly off</c> set the weekly recap
/// (<see cref="WeeklyRecapContent"/>), which the slot scheduler fires and the outbox delivers like a reminder.
/// </summary>
public sealed class ProgressCommand(
    IReminderStore reminders,
    IOutcomeStore outcomes,
    IWeeklyRecapStore recaps,
    ISlotScheduler slots,
    IChatUserStore users,
    TimeProvider time) : IChatCommand
{
    /// <summary>Four weeks, today the last day.</summary>
    public const int Days = 28;

    public CommandSpec Spec { get; } = new("progress", "See your routines' last four weeks and streaks, or get a weekly recap")
    {
        Subcommands =
        [
            new Subcommand("show", "Your routines' last four weeks, one mark a day, and their streaks", []),
            new Subcommand("weekly", "A recap of your week at a day and time you pick, or off", [
                new CommandParameter("setting", ParameterKind.Text, "on, a day (Sunday if left out) and a time, for example on sun 18:00; or off")
                {
                    Examples = ["on sun 18:00", "on 19:00 Europe/Berlin", "off"],
                },
            ]),
        ],
        Personal = true,
        Examples = ["/progress", WeeklyRecapRequest.Example, "/progress weekly on 19:00 Europe/Berlin", "/progress weekly off"],
    };

    public async Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Invocation.Subcommand == "weekly"
            ? await WeeklyAsync(context.Message, context.Invocation.GetText("setting")!, cancellationToken)
            : await ShowAsync(context.Message.Sender, cancellationToken);
    }

    private async Task<Reply> ShowAsync(ChatUser member, CancellationToken cancellationToken)
    {
        var mine = await reminders.ListForMemberAsync(member.Platform, member.UserId, cancellationToken);
        var recap = RecapLine(await recaps.FindAsync(member, cancellationToken));
        if (mine.Count == 0)
        {
            return new Reply($"You have no routines yet, so there is nothing to show. Set one with {ReplyMarkup.Escape(ReminderText.Example)}.\n{recap}");
        }

        var now = time.GetUtcNow();
        var replaced = await reminders.ListReplacedForMemberAsync(member.Platform, member.UserId, cancellationToken);
        var history = await outcomes.ListForMemberAsync(member, Since([.. mine, .. replaced]), cancellationToken);
        var sb = new StringBuilder("**Your progress**, the last four weeks (oldest first, today last)\n").Append(ProgressText.Legend);
        foreach (var routine in ReminderRoutines.Group(mine))
        {
            var progress = RoutineProgress.Of(routine, history, now, Days, replaced);
            sb.Append("\n\n").Append(ProgressText.Heading(routine))
                .Append('\n').Append(ProgressText.Weeks(progress))
                .Append('\n').Append(ProgressText.Streak(progress.Streak));
        }

        return new Reply(sb.Append("\n\n").Append(recap).ToString());
    }

    /// <summary>The day before the oldest routine (or replaced row) was made: every outcome a streak can reach (a rest day is never planned earlier).</summary>
    internal static DateOnly Since(IEnumerable<ReminderSubscription> routines) =>
        DateOnly.FromDateTime(routines.Min(r => r.CreatedAt).UtcDateTime).AddDays(-1);

    private static string RecapLine(ReminderSubscription? recap) =>
        recap is null
            ? ReplyMarkup.Escape($"Want a recap every week? {WeeklyRecapRequest.Example}")
            : ReplyMarkup.Escape($"Weekly recap: {Describe(recap)}{(recap.State == ReminderState.Paused ? $" (paused: {recap.PauseReason})" : string.Empty)}. /progress weekly off stops it.");

    /// <summary><c>every Sunday at 18:00 (Europe/Berlin)</c>.</summary>
    internal static string Describe(ReminderSubscription recap) => $"{SchedulePreview.Describe(recap.Schedule)} ({recap.TimeZone})";

    private async Task<Reply> WeeklyAsync(IncomingMessage message, string setting, CancellationToken cancellationToken)
    {
        if (!WeeklyRecapRequest.TryParse(setting, out var request, out var error))
        {
            return Reply.Refusal(error!);
        }

        var member = message.Sender;
        if (!request!.On)
        {
            return Reply.Plain(await recaps.RemoveAsync(member, cancellationToken)
                ? "Weekly recap off. /progress still shows your four weeks whenever you ask."
                : "You have no weekly recap, so nothing changed.");
        }

        var zoneId = request.Zone ?? (await users.FindAsync(member, cancellationToken))?.TimeZone;
        if (zoneId is null || !TimeZones.TryFind(zoneId, out var zone, out zoneId))
        {
            return Reply.Plain("Which time zone are you in? Add it, for example /progress weekly on sun 18:00 Europe/Berlin, or save yours once with /timezone Europe/Berlin.");
        }

        // It names how the member's routines went: said in a group, it goes to their direct chat where the platform has one.
        var chat = message.Kind == ChatKind.Group && message.DirectChat is { } direct ? direct : message.Chat;
        var now = time.GetUtcNow();
        var recap = await recaps.SetAsync(
            new ReminderSubscription(0, member, chat, request.Time, zoneId, ReminderState.Active, now)
            {
                Kind = ReminderKind.WeeklyRecap,
                Schedule = new ReminderSchedule([request.Time], request.Day),
            },
            cancellationToken);
        await slots.EnsureSlotAsync(zoneId, request.Time, cancellationToken);
        var next = recap.Schedule.Next(now, zone, 1)[0];
        return new Reply(
            ReplyMarkup.Escape($"Weekly recap on: {Describe(recap)}: each routine's last 7 days and its streak. Next: ") + ReminderText.Occurrence(next.At, zoneId) +
            ReplyMarkup.Escape(". /progress weekly off stops it."));
    }
}
