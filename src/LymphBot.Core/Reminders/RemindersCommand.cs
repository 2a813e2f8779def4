using System.Text;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Reminders;

/// <summary>
/// <c>/reminders</c>: the member's reminders with id, time, zone, state and the last delivery's outcome, and under each
/// a row of buttons (Pause or Resume, and Remove) that <see cref="ReminderListButtons"/> answers.
/// </summary>
public sealed class RemindersCommand(IReminderStore reminders, IDeliveryHistory deliveries, TimeProvider time) : IChatCommand
{
    /// <summary>Buttons go under this many reminders at most: Telegram takes 100 buttons per message, Discord 5 rows.</summary>
    internal const int MaxButtonRows = 5;

    public CommandSpec Spec { get; } = new("reminders", "List your reminders") { Personal = true };

    public async Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await ListAsync(context.Message.Sender, cancellationToken);
    }

    /// <summary>The routine's latest delivery, of any of its times.</summary>
    private async Task<Delivery?> LatestAsync(IReadOnlyList<ReminderSubscription> routine, CancellationToken cancellationToken)
    {
        Delivery? latest = null;
        foreach (var reminder in routine)
        {
            if (await deliveries.LatestAsync(reminder.Id, cancellationToken) is { } last && (latest is null || last.DueAt > latest.DueAt))
            {
                latest = last;
            }
        }

        return latest;
    }

    /// <summary>", next Tue 8 Dec 19:00 Europe/Berlin" (the reader's own time where the platform shows it); nothing once it ended.</summary>
    private static string Next(ReminderSchedule schedule, string zoneId, DateTimeOffset now) =>
        schedule.Next(now, TimeZones.Find(zoneId), 1) is [var next] ? ", next " + ReminderText.Occurrence(next.At, zoneId) : string.Empty;

    /// <summary>The member's reminders as they are now, one line per routine, with their buttons.</summary>
    internal async Task<Reply> ListAsync(ChatUser member, CancellationToken cancellationToken)
    {
        var mine = await reminders.ListForMemberAsync(member.Platform, member.UserId, cancellationToken);
        if (mine.Count == 0)
        {
            return Reply.Plain($"You have no reminders yet. Set one with {ReminderText.Example}, or send /remind and pick a time.");
        }

        var now = time.GetUtcNow();
        var sb = new StringBuilder("**Your reminders**");
        var buttons = new List<IReadOnlyList<ReplyButton>>();
        foreach (var routine in ReminderRoutines.Group(mine))
        {
            var reminder = routine[0];
            var active = reminder.IsDueAt(now);
            var schedule = ReminderRoutines.Schedule(routine);
            var state = active
                ? ReplyMarkup.Escape("active") + Next(schedule, reminder.TimeZone, now)
                : reminder.PausedUntil is { } until
                    ? "paused until " + ReminderText.Occurrence(until, reminder.TimeZone)
                    : ReplyMarkup.Escape($"paused ({reminder.PauseReason ?? "by you"})");
            sb.Append("\n#").Append(reminder.Routine).Append("  ").Append(ReplyMarkup.Escape(ReminderRoutines.Slot(routine)))
                .Append(ReminderLabel.Quoted(reminder.Label));
            if (!schedule.IsPlainDaily)
            {
                sb.Append(" (").Append(ReplyMarkup.Escape(SchedulePreview.Describe(schedule))).Append(')');
            }

            sb.Append(" — ").Append(state);
            if (await LatestAsync(routine, cancellationToken) is { } last)
            {
                sb.Append(" — last: ").Append(last.State.ToString().ToLowerInvariant()).Append(' ').Append(ReminderText.Occurrence(last.DueAt, reminder.TimeZone));
                if (last.State is DeliveryState.Failed or DeliveryState.Missed && last.Reason is { } reason)
                {
                    sb.Append(" (").Append(ReplyMarkup.Escape(reason.Length > 80 ? reason[..80] + "…" : reason)).Append(')');
                }
            }

            if (buttons.Count < MaxButtonRows)
            {
                buttons.Add(ReminderListButtons.For(reminder.Routine, active));
            }
        }

        sb.Append("\n\nChange them with the buttons, or /remind off <id>, /remind pause <id> [days] or /remind resume <id>.");
        return new Reply(sb.ToString()) { Buttons = buttons };
    }
}
