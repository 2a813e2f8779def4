using System.Text;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Reminders;

/// <summary><c>/reminders</c>: the member's reminders with id, time, zone, state and the last delivery's outcome.</summary>
public sealed class RemindersCommand(IReminderStore reminders, IDeliveryHistory deliveries, TimeProvider time) : IChatCommand
{
    public CommandSpec Spec { get; } = new("reminders", "List your reminders") { Personal = true };

    public async Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var member = context.Message.Sender;
        var mine = await reminders.ListForMemberAsync(member.Platform, member.UserId, cancellationToken);
        if (mine.Count == 0)
        {
            return Reply.Plain($"You have no reminders yet. Set one with {ReminderText.Example}.");
        }

        var now = time.GetUtcNow();
        var sb = new StringBuilder("**Your reminders**");
        foreach (var reminder in mine)
        {
            var zone = TimeZones.Find(reminder.TimeZone);
            var state = reminder.IsDueAt(now)
                ? "active"
                : reminder.PausedUntil is { } until ? $"paused until {ReminderText.When(until, zone)}" : $"paused ({reminder.PauseReason ?? "by you"})";
            sb.Append("\n#").Append(reminder.Id).Append("  ").Append(ReplyMarkup.Escape(ReminderTime.FormatSlot(reminder.LocalTime, reminder.TimeZone)))
                .Append(" — ").Append(ReplyMarkup.Escape(state));
            if (await deliveries.LatestAsync(reminder.Id, cancellationToken) is { } last)
            {
                sb.Append(" — last: ").Append(last.State.ToString().ToLowerInvariant()).Append(' ').Append(ReminderText.When(last.DueAt, zone));
                if (last.State is DeliveryState.Failed or DeliveryState.Missed && last.Reason is { } reason)
                {
                    sb.Append(" (").Append(ReplyMarkup.Escape(reason.Length > 80 ? reason[..80] + "…" : reason)).Append(')');
                }
            }
        }

        sb.Append("\n\nChange them with /remind off <id>, /remind pause <id> [days] or /remind resume <id>.");
        return new Reply(sb.ToString());
    }
}
