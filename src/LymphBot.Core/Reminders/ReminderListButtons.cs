using System.Globalization;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Reminders;

/// <summary>
/// The buttons under each reminder of <c>/reminders</c>: <c>rml:pause:&lt;id&gt;</c>, <c>rml:resume:&lt;id&gt;</c> and
/// <c>rml:off:&lt;id&gt;</c>. A press changes the presser's own reminder the way <c>/remind pause|resume|off</c> does
/// (the same code), and the list it was pressed on is replaced by the updated one. The data carries only the id: whose
/// reminder it is, and whether the press still makes sense, is checked against the store at the press.
/// </summary>
public sealed class ReminderListButtons(IReminderStore reminders, RemindCommand remind, RemindersCommand list, TimeProvider time) : IButtonHandler
{
    public string Prefix => "rml";

    /// <summary>A reminder's row: Pause when it is active, Resume when it is paused, and Remove.</summary>
    internal static IReadOnlyList<ReplyButton> For(long id, bool active) =>
    [
        active ? new ReplyButton($"⏸ Pause #{id}", $"rml:pause:{id}") : new ReplyButton($"▶ Resume #{id}", $"rml:resume:{id}"),
        new ReplyButton($"✖ Remove #{id}", $"rml:off:{id}"),
    ];

    public async Task<Reply?> HandleAsync(IncomingMessage message, string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Split(':') is not [var action and ("pause" or "resume" or "off"), var number]
            || !long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return Reply.Refusal("That button doesn't work. Send /reminders for a fresh list.");
        }

        var member = message.Sender;
        var target = (await reminders.ListForMemberAsync(member.Platform, member.UserId, cancellationToken)).FirstOrDefault(r => r.Routine == id);
        if (target is null)
        {
            return Reply.Refusal($"Reminder #{id} isn't one of yours (or no longer exists), so nothing changed. Send /reminders to see yours.");
        }

        // A list pressed twice, or an old one: the press asks for what already is, and nothing changes.
        var active = target.IsDueAt(time.GetUtcNow());
        if (action == "pause" && !active)
        {
            return Reply.Refusal($"Reminder #{id} is already paused, so nothing changed. Send /reminders for a fresh list.");
        }

        if (action == "resume" && active)
        {
            return Reply.Refusal($"Reminder #{id} is already on, so nothing changed. Send /reminders for a fresh list.");
        }

        var done = action switch
        {
            "pause" => await remind.PauseAsync(member, id, null, cancellationToken),
            "resume" => await remind.ResumeAsync(member, id, cancellationToken),
            _ => await remind.OffAsync(member, id, cancellationToken),
        };
        var updated = await list.ListAsync(member, cancellationToken);
        return updated with { Text = $"{done.Text}\n\n{updated.Text}", ReplacesPressedMessage = true, Private = true };
    }
}
