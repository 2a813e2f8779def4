using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Scheduling;
using LymphBot.Core.Users;

namespace LymphBot.Core.Reminders;

/// <summary>
/// <c>/remind</c> with nothing after it: common times as buttons (<c>rmt:&lt;owner&gt;:&lt;HHmm&gt;</c>), then the
/// member's saved zone, or a few common ones (<c>rmt:&lt;owner&gt;:&lt;HHmm&gt;:&lt;zone&gt;</c>), each step taking the
/// place of the one before. The last press adds the reminder through <c>/remind add</c>'s own code, so its limits and
/// its duplicate check hold: a second press of the same button adds nothing. There is no conversation state; typing
/// <c>/remind 8:00 Europe/Berlin</c> is the way to any other time or zone. <c>owner</c> is a short tag of the member
/// who sent <c>/remind</c>, so in a group nobody else's press turns their picker into something else.
/// </summary>
public sealed class ReminderPicker(RemindCommand remind, IChatUserStore users) : IButtonHandler
{
    internal static readonly TimeOnly[] CommonTimes = [new(7, 0), new(8, 0), new(9, 0), new(12, 0), new(18, 0), new(20, 0), new(21, 0)];

    internal static readonly string[] CommonZones =
        ["Europe/London", "Europe/Berlin", "America/New_York", "America/Chicago", "America/Los_Angeles", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney", "UTC"];

    public string Prefix => "rmt";

    /// <summary>The first step: a button for each common time.</summary>
    public static Reply Times(ChatUser member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var owner = Owner(member);
        return Reply.Plain($"When should I remind you each day? Pick a time, or type one with your zone, for example {ReminderText.Example}.") with
        {
            Buttons = Rows(CommonTimes.Select(t => new ReplyButton(ReminderTime.Format(t), $"rmt:{owner}:{Compact(t)}")), 4),
        };
    }

    public async Task<Reply?> HandleAsync(IncomingMessage message, string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(payload);
        var parts = payload.Split(':', 3);
        if (parts.Length < 2 || !TimeOnly.TryParseExact(parts[1], "HHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            || (parts.Length == 3 && !TimeZones.TryFind(parts[2], out _, out _)))
        {
            return Reply.Refusal($"That button doesn't work. Send /remind to pick a time, or type {ReminderText.Example}.");
        }

        if (!string.Equals(parts[0], Owner(message.Sender), StringComparison.Ordinal))
        {
            return Reply.Refusal("Those buttons are for the member who sent /remind, so nothing changed. Send /remind to pick your own time.");
        }

        var reply = parts.Length == 2
            ? await ZonesAsync(message.Sender, time, cancellationToken)
            : await remind.SubscribeAsync(message, time, parts[2], cancellationToken);
        return reply with { ReplacesPressedMessage = true, Private = true };
    }

    /// <summary>A tag of the member, short enough for Telegram's 64 bytes of button data beside a time and a zone.</summary>
    internal static string Owner(ChatUser member) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{member.Platform}:{member.UserId}")))[..8];

    internal static string Compact(TimeOnly time) => time.ToString("HHmm", CultureInfo.InvariantCulture);

    internal static List<IReadOnlyList<ReplyButton>> Rows(IEnumerable<ReplyButton> buttons, int perRow) =>
        [.. buttons.Chunk(perRow).Select(row => (IReadOnlyList<ReplyButton>)row)];

    private async Task<Reply> ZonesAsync(ChatUser member, TimeOnly time, CancellationToken cancellationToken)
    {
        var at = ReminderTime.Format(time);
        var data = $"rmt:{Owner(member)}:{Compact(time)}:";
        var saved = (await users.FindAsync(member, cancellationToken))?.TimeZone;
        if (saved is not null && TimeZones.TryFind(saved, out _, out var zone))
        {
            return Reply.Plain($"Every day at {at} in your time zone, {zone}?\nFor another zone, type it, for example /remind {at} Europe/Berlin.") with
            {
                Buttons = [[new ReplyButton($"{at} {zone}", data + zone)]],
            };
        }

        return Reply.Plain($"Every day at {at}: in which time zone?\nOr type yours, for example /remind {at} Europe/Berlin.") with
        {
            Buttons = Rows(CommonZones.Select(z => new ReplyButton(z, data + z)), 3),
        };
    }
}
