using System.Globalization;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Reminders;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Programs;

/// <summary>
/// The Join button under an offered program (<c>prg:join:&lt;program&gt;</c>), then the reminder picker's steps for the
/// member who pressed it: a common time (<c>prg:time:&lt;owner&gt;:&lt;program&gt;:&lt;HHmm&gt;</c>), and, when they
/// have no saved zone, a common zone by its place in the picker's list (<c>...:&lt;n&gt;</c>, since a zone's name would
/// not fit in Telegram's 64 bytes beside the rest). The offer is everyone's and stays; the picker is the presser's own and
/// each step takes its place. The last step joins through <see cref="ProgramEnrollments"/>, so pressing it twice joins once.
/// </summary>
public sealed class ProgramButtons(ProgramEnrollments enrollments) : IButtonHandler
{
    public string Prefix => "prg";

    public static string JoinData(string programId) => $"prg:join:{programId}";

    public async Task<Reply?> HandleAsync(IncomingMessage message, string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(payload);
        var parts = payload.Split(':');
        switch (parts)
        {
            case ["join", var id]:
                return await JoinPressedAsync(message, id, cancellationToken);
            case ["time", var owner, var id, var hhmm] when TryTime(hhmm, out var time):
                return NotMine(message, owner) ?? Step(await TimePressedAsync(message, id, time, cancellationToken));
            case ["zone", var owner, var id, var hhmm, var n] when TryTime(hhmm, out var time)
                && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < ReminderPicker.CommonZones.Length:
                return NotMine(message, owner)
                    ?? Step(enrollments.Find(id) is { } program
                        ? await enrollments.JoinAsync(message, program, time, ReminderPicker.CommonZones[index], cancellationToken)
                        : ProgramEnrollments.Unknown(id));
            default:
                return Reply.Refusal("That button doesn't work. Send /program to see the programs.");
        }
    }

    internal async Task<Reply> JoinPressedAsync(IncomingMessage message, string id, CancellationToken cancellationToken)
    {
        if (enrollments.Find(id) is not { } program)
        {
            return Reply.Refusal("That program is no longer offered. Send /program to see the programs.");
        }

        if (await enrollments.ActiveAsync(message.Sender, program.Id, cancellationToken) is { } enrollment)
        {
            return await enrollments.AlreadyOnAsync(program, enrollment, cancellationToken);
        }

        var owner = ReminderPicker.Owner(message.Sender);
        return Reply.Plain($"When should your daily step of {program.Title} arrive? Pick a time, or type one with your zone, for example /program join {program.Id} 8:00 Europe/Berlin.") with
        {
            Buttons = ReminderPicker.Rows(ReminderPicker.CommonTimes.Select(t => new ReplyButton(ReminderTime.Format(t), $"prg:time:{owner}:{program.Id}:{ReminderPicker.Compact(t)}")), 4),
            Private = true,
        };
    }

    private async Task<Reply> TimePressedAsync(IncomingMessage message, string id, TimeOnly time, CancellationToken cancellationToken)
    {
        if (enrollments.Find(id) is not { } program)
        {
            return ProgramEnrollments.Unknown(id);
        }

        if (await enrollments.SavedZoneAsync(message.Sender, cancellationToken) is { } zone)
        {
            return await enrollments.JoinAsync(message, program, time, zone, cancellationToken);
        }

        var at = ReminderTime.Format(time);
        var data = $"prg:zone:{ReminderPicker.Owner(message.Sender)}:{program.Id}:{ReminderPicker.Compact(time)}:";
        return Reply.Plain($"Every day at {at}: in which time zone?\nOr type yours, for example /program join {program.Id} {at} Europe/Berlin.") with
        {
            Buttons = ReminderPicker.Rows(ReminderPicker.CommonZones.Select((z, i) => new ReplyButton(z, data + i.ToString(CultureInfo.InvariantCulture))), 3),
        };
    }

    /// <summary><c>null</c> when the picker is the presser's; otherwise the refusal (in a group, others see it too).</summary>
    private static Reply? NotMine(IncomingMessage message, string owner) =>
        string.Equals(owner, ReminderPicker.Owner(message.Sender), StringComparison.Ordinal)
            ? null
            : Reply.Refusal("Those buttons are for the member who pressed Join, so nothing changed. Press Join yourself to pick your time.");

    private static Reply Step(Reply reply) => reply with { ReplacesPressedMessage = true, Private = true };

    private static bool TryTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
