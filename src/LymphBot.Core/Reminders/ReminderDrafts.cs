using System.Globalization;
using System.Text;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Scheduling;
using LymphBot.Core.Users;
using Microsoft.Extensions.Options;

namespace LymphBot.Core.Reminders;

/// <summary>
/// A typed <c>/remind</c> is previewed before it is saved: the schedule in words with its next occurrences (clock-change
/// days marked) and <c>rmd:save:&lt;id&gt;</c> / <c>rmd:cancel:&lt;id&gt;</c> buttons. The preview is a draft in the
/// store (not a reminder: never fired, listed or counted), so a press reaching another instance finds it, and the
/// button data carries only its id. Save activates it with the duplicate and limit checks in the same step, so a
/// second Save, or an old preview, changes nothing. Triggers stay one per (zone, time) slot: several times of day are
/// one subscription per time, in their slots, one routine.
/// </summary>
public sealed class ReminderDrafts(
    IReminderStore reminders,
    ISlotScheduler slots,
    IChatUserStore users,
    TimeProvider time,
    IOptions<ReminderOptions> options) : IButtonHandler
{
    public string Prefix => "rmd";

    /// <summary>The preview with Save and Cancel, or why it cannot be saved (already there, over the limit).</summary>
    public async Task<Reply> PreviewAsync(IncomingMessage message, ReminderSchedule schedule, string zoneId, string? label, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(schedule);
        var member = message.Sender;
        var now = time.GetUtcNow();
        var routine = schedule.Times.Select(t => new ReminderSubscription(0, member, message.Chat, t, zoneId, ReminderState.Draft, now)
        {
            Schedule = new ReminderSchedule([t], schedule.Days, schedule.EveryDays, schedule.From, schedule.Until),
            Label = label,
        }).ToList();

        // Answered at once when it is plain: Save checks again, in one step with storing it.
        var mine = await reminders.ListForMemberAsync(member.Platform, member.UserId, cancellationToken);
        var check = DraftPlan.For(routine, mine, options.Value.MaxPerMember).Result;
        if (check.Outcome != DraftSaveOutcome.Saved)
        {
            return Refuse(check, routine.Count);
        }

        await users.EnsureAsync(member, now, cancellationToken);
        var draft = await reminders.AddDraftAsync(routine, cancellationToken);
        var id = draft[0].Id;
        // Reply.Plain would escape the label twice: the preview escapes it already.
        return new Reply($"{SchedulePreview.Text(schedule, zoneId, now, label)}\nSave this reminder?") with
        {
            Buttons = [[new ReplyButton("✔ Save", $"rmd:save:{id}"), new ReplyButton("✖ Cancel", $"rmd:cancel:{id}")]],
        };
    }

    public async Task<Reply?> HandleAsync(IncomingMessage message, string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Split(':') is not [var action and ("save" or "cancel"), var number]
            || !long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return Reply.Refusal($"That button doesn't work. Send {ReminderText.Example} again.");
        }

        var member = message.Sender;
        var draft = await reminders.FindAsync(id, cancellationToken);
        if (draft is null)
        {
            return Done("That preview was cancelled or has expired, so nothing was saved. Send /remind again.");
        }

        if (draft.Member.Platform != member.Platform || draft.Member.UserId != member.UserId)
        {
            return Reply.Refusal("Those buttons are for the member who sent /remind, so nothing changed.") with { Private = true };
        }

        if (draft.State != ReminderState.Draft)
        {
            return Done(action == "save"
                ? $"Reminder #{draft.Routine} is already saved. Nothing changed."
                : $"Reminder #{draft.Routine} is already saved; remove it with /remind off {draft.Routine}.");
        }

        if (action == "cancel")
        {
            await reminders.DeleteDraftAsync(member, id, cancellationToken);
            return Done("Cancelled; nothing was saved.");
        }

        var now = time.GetUtcNow();
        if (draft.Schedule.Next(now, TimeZones.Find(draft.TimeZone), 1).Count == 0)
        {
            await reminders.DeleteDraftAsync(member, id, cancellationToken);
            return Done("That time has passed, so nothing was saved. Send /remind again.");
        }

        var result = await reminders.SaveDraftAsync(member, id, options.Value.MaxPerMember, cancellationToken);
        switch (result.Outcome)
        {
            case DraftSaveOutcome.NotFound:
                // Pressed twice at once: the other press saved it.
                return Done($"Reminder #{draft.Routine} is already saved. Nothing changed.");
            case DraftSaveOutcome.Duplicate:
                return Done(Refuse(result, result.Existing.Count).Text);
            case DraftSaveOutcome.LimitReached:
                // The preview keeps its buttons: Save works once the member has removed one.
                return Refuse(result, 0) with { Private = true };
        }

        foreach (var saved in result.Saved)
        {
            await slots.EnsureSlotAsync(saved.TimeZone, saved.LocalTime, cancellationToken);
        }

        return Done(Saved(result));
    }

    private static string Saved(DraftSaveResult result)
    {
        var first = result.Saved[0];
        var schedule = new ReminderSchedule(result.Saved.Select(s => s.LocalTime), first.Schedule.Days, first.Schedule.EveryDays, first.Schedule.From, first.Schedule.Until);
        var sb = new StringBuilder("Saved! ").Append(Ids("Reminder", result.Saved)).Append(": ")
            .Append(SchedulePreview.Describe(schedule)).Append(" (").Append(first.TimeZone).Append(')').Append(ReminderLabel.Quoted(first.Label)).Append('.');
        if (result.Existing.Count > 0)
        {
            sb.Append('\n').Append(Ids("reminder", result.Existing)).Append(" already had some of these times.");
        }

        return sb.Append("\nSend /reminders to see or change your reminders.").ToString();
    }

    private Reply Refuse(DraftSaveResult check, int count)
    {
        var max = options.Value.MaxPerMember;
        if (check.Outcome == DraftSaveOutcome.Duplicate)
        {
            var same = check.Existing[0];
            return Reply.Plain(check.Existing.Count == 1 && same.Schedule.IsPlainDaily
                ? $"You already have reminder #{same.Routine} at {ReminderTime.FormatSlot(same.LocalTime, same.TimeZone)}. Nothing changed."
                : $"You already have {Ids("reminder", check.Existing)} on this schedule. Nothing changed.");
        }

        return Reply.Refusal(count > 1
            ? $"That is {count} reminder(s), one per time of day, and you have {check.MemberCount} of the {max} I keep for one member. " +
              "Send /reminders to see them, and remove one with /remind off <id> first."
            : $"You already have {check.MemberCount} reminders, the most I keep for one member (in all chats together). " +
              "Send /reminders to see them, and remove one with /remind off <id> first.");
    }

    /// <summary>A reply in place of the pressed preview; <paramref name="text"/> is markup (no member text unescaped).</summary>
    private static Reply Done(string text) => new Reply(text) with { ReplacesPressedMessage = true, Private = true };

    private static string Ids(string noun, IReadOnlyList<ReminderSubscription> reminders)
    {
        List<long> ids = [.. reminders.Select(r => r.Routine).Distinct()];
        return ids.Count == 1 ? $"{noun} #{ids[0]}" : $"{noun}s {string.Join(", ", ids.SkipLast(1).Select(i => $"#{i}"))} and #{ids[^1]}";
    }
}
