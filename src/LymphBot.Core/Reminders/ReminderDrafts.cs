using System.Globalization;
using System.Text;
using LymphBot.Core.Adherence;
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
/// one subscription per time, in their slots, one routine. An edit's preview is a draft too, and its Save
/// (<c>rmd:save:&lt;draft&gt;:&lt;routine&gt;</c>) swaps it for the routine in one step.
/// </summary>
public sealed class ReminderDrafts(
    IReminderStore reminders,
    ISlotScheduler slots,
    IChatUserStore users,
    IFollowUpStore followUps,
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
        var routine = Rows(member, message.Chat, schedule, zoneId, label, now);

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

    /// <summary>
    /// <c>/remind edit</c>: the routine as it is and as it would be, with the new one's next occurrences, and Save and
    /// Cancel; or one line when it would change nothing or cannot be saved. It keeps the routine's chat, and its pause.
    /// </summary>
    internal async Task<Reply> PreviewEditAsync(ChatUser member, IReadOnlyList<ReminderSubscription> routine, ReminderSchedule schedule, string zoneId, string? label, CancellationToken cancellationToken)
    {
        var was = routine[0];
        var id = was.Routine;
        var before = ReminderRoutines.Schedule(routine);
        if (before == schedule && was.TimeZone == zoneId && was.Label == label)
        {
            // Not Reply.Plain: the label is escaped already.
            return new Reply($"Reminder #{id} is already {SchedulePreview.Describe(schedule)} ({zoneId}){ReminderLabel.Quoted(label)}. Nothing changed.");
        }

        var now = time.GetUtcNow();
        var draft = Rows(member, was.Chat, schedule, zoneId, label, now);
        var check = DraftPlan.ForEdit(draft, await reminders.ListForMemberAsync(member.Platform, member.UserId, cancellationToken), id, options.Value.MaxPerMember).Result;
        if (check.Outcome != DraftSaveOutcome.Saved)
        {
            return Refuse(check, draft.Count);
        }

        var stored = await reminders.AddDraftAsync(draft, cancellationToken);
        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Change reminder #{id}?\nNow: ")
            .Append(SchedulePreview.Describe(before)).Append(" (").Append(was.TimeZone).Append(')').Append(ReminderLabel.Quoted(was.Label))
            .Append("\nNew: ").Append(SchedulePreview.Text(schedule, zoneId, now, label));
        if (was.State == ReminderState.Paused)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\nIt stays paused; /remind resume {id} turns it on.");
        }

        // Reply.Plain would escape the labels twice: the texts above escape them already.
        return new Reply(sb.Append("\nSave this change?").ToString()) with
        {
            Buttons = [[new ReplyButton("✔ Save", $"rmd:save:{stored[0].Id}:{id}"), new ReplyButton("✖ Cancel", $"rmd:cancel:{stored[0].Id}")]],
        };
    }

    public async Task<Reply?> HandleAsync(IncomingMessage message, string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(payload);
        // An edit's Save names the routine it replaces too: rmd:save:<draft>:<routine>.
        var parts = payload.Split(':');
        var replaces = 0L;
        if (parts is not [var action and ("save" or "cancel"), var number, ..]
            || parts.Length > (action == "save" ? 3 : 2)
            || !TryId(number, out var id)
            || (parts.Length == 3 && !TryId(parts[2], out replaces)))
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

        var result = parts.Length == 3
            ? await reminders.ReplaceRoutineAsync(member, id, replaces, options.Value.MaxPerMember, cancellationToken)
            : await reminders.SaveDraftAsync(member, id, options.Value.MaxPerMember, cancellationToken);
        switch (result.Outcome)
        {
            case DraftSaveOutcome.NotFound:
                // Pressed twice at once: the other press saved it.
                return Done($"Reminder #{draft.Routine} is already saved. Nothing changed.");
            case DraftSaveOutcome.RoutineGone:
                return Done($"Reminder #{replaces} was removed or has ended meanwhile, so nothing was changed. Send /reminders to see yours.");
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

        return Done(result.Replaced.Count > 0 ? await ChangedAsync(result, cancellationToken) : Saved(result));
    }

    /// <summary>An edit saved: the routine's follow-up goes on with its new times, and the member reads what it is now.</summary>
    private async Task<string> ChangedAsync(DraftSaveResult result, CancellationToken cancellationToken)
    {
        FollowUp? followUp = null;
        foreach (var old in result.Replaced)
        {
            followUp ??= await followUps.FindAsync(old.Id, cancellationToken);
        }

        // Set after the swap, not in it: a crash between the two loses the follow-up setting, never a reminder.
        if (followUp is not null)
        {
            foreach (var saved in result.Saved)
            {
                await followUps.SetAsync(saved.Id, followUp, cancellationToken);
            }
        }

        var first = result.Saved[0];
        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Changed! Reminder #{first.Routine}: ")
            .Append(SchedulePreview.Describe(ReminderRoutines.Schedule(result.Saved))).Append(" (").Append(first.TimeZone).Append(')').Append(ReminderLabel.Quoted(first.Label)).Append('.');
        if (result.Existing.Count > 0)
        {
            sb.Append('\n').Append(Ids("reminder", result.Existing)).Append(" already had some of these times.");
        }

        if (first.State == ReminderState.Paused)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\nIt is still paused; /remind resume {first.Routine} turns it on.");
        }

        return sb.Append("\nSend /reminders to see or change your reminders.").ToString();
    }

    /// <summary>The rows of a previewed routine: one draft subscription per time of day, each with the schedule's days.</summary>
    private static List<ReminderSubscription> Rows(ChatUser member, ChatAddress chat, ReminderSchedule schedule, string zoneId, string? label, DateTimeOffset now) =>
        [.. schedule.Times.Select(t => new ReminderSubscription(0, member, chat, t, zoneId, ReminderState.Draft, now)
        {
            Schedule = new ReminderSchedule([t], schedule.Days, schedule.EveryDays, schedule.From, schedule.Until),
            Label = label,
        })];

    private static bool TryId(string text, out long id) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);

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
