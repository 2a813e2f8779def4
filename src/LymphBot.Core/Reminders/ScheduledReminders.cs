using System.Text;
using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;
using LymphBot.Core.Users;
using Microsoft.Extensions.Options;

namespace LymphBot.Core.Reminders;

/// <summary>
/// Adds a reminder on a schedule other than every day at one time. Triggers stay one per (zone, time) slot, so each
/// time of day is its own subscription in its own slot, carrying the schedule's days; the slot's fan-out skips it on
/// the days the schedule leaves out. Each counts towards the member's limit, as several daily reminders would.
/// </summary>
internal sealed class ScheduledReminders(IReminderStore reminders, ISlotScheduler slots, IChatUserStore users, IOptions<ReminderOptions> options)
{
    public async Task<Reply> AddAsync(IncomingMessage message, ReminderSchedule schedule, string zoneId, DateTimeOffset now, string? label, CancellationToken cancellationToken)
    {
        var member = message.Sender;
        var max = options.Value.MaxPerMember;
        var mine = await reminders.ListForMemberAsync(member.Platform, member.UserId, cancellationToken);
        if (mine.Count + schedule.Times.Count > max)
        {
            return Reply.Refusal(
                $"That is {schedule.Times.Count} reminder(s), one per time of day, and you have {mine.Count} of the {max} I keep for one member. " +
                "Send /reminders to see them, and remove one with /remind off <id> first.");
        }

        await users.EnsureAsync(member, now, cancellationToken);
        var added = new List<long>();
        var existing = new List<long>();
        foreach (var time in schedule.Times)
        {
            var subscription = new ReminderSubscription(0, member, message.Chat, time, zoneId, ReminderState.Active, now)
            {
                Schedule = new ReminderSchedule([time], schedule.Days, schedule.EveryDays, schedule.From, schedule.Until),
                Label = label,
            };
            var result = await reminders.AddRoutineAsync(subscription, max, cancellationToken);
            if (result is { Outcome: ReminderAddOutcome.Added, Subscription: { } stored })
            {
                added.Add(stored.Id);
                await slots.EnsureSlotAsync(zoneId, time, cancellationToken);
            }
            else if (result is { Outcome: ReminderAddOutcome.Duplicate, Subscription: { } same })
            {
                existing.Add(same.Id);
            }
        }

        if (added.Count == 0)
        {
            return existing.Count > 0
                ? Reply.Plain($"You already have {Ids("reminder", existing)} on this schedule. Nothing changed.")
                : Reply.Refusal($"You already have {max} reminders, the most I keep for one member. Send /reminders to see them.");
        }

        var sb = new StringBuilder("Done! ").Append(Ids("Reminder", added)).Append(": ").Append(SchedulePreview.Text(schedule, zoneId, now, label));
        if (existing.Count > 0)
        {
            sb.Append('\n').Append(Ids("reminder", existing)).Append(" already had some of these times.");
        }

        return new Reply(sb.Append("\nSend /reminders to see or change your reminders.").ToString());
    }

    private static string Ids(string noun, List<long> ids) =>
        ids.Count == 1 ? $"{noun} #{ids[0]}" : $"{noun}s {string.Join(", ", ids.SkipLast(1).Select(i => $"#{i}"))} and #{ids[^1]}";
}
