using System.Globalization;
using System.Text;
using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Reminders;

/// <summary>The wording of reminders and of the reminder commands' replies.</summary>
public static class ReminderText
{
    public const string Example = "/remind 8:00 Europe/Berlin";

    public static string When(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return local.ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>A routine's occurrence: headed by the member's label when it has one (escaped: it is their text).</summary>
    public static Reply Delivery(long deliveryId, TimeOnly time, string prompt, DeliveryKind kind, string? label = null)
    {
        var title = label is null ? null : ReplyMarkup.Escape(label);
        var at = ReminderTime.Format(time);
        var sb = new StringBuilder(kind switch
        {
            DeliveryKind.Snooze => "⏰ **Snoozed reminder**" + (title is null ? string.Empty : $": **{title}**"),
            DeliveryKind.FollowUp => $"🔔 **Still to do: {title ?? "your routine"}** ({at})",
            _ => $"🌿 **{title ?? "Your daily routine"}** ({at})",
        });
        sb.Append('\n').Append(ReplyMarkup.Escape(prompt));
        return new Reply(sb.ToString())
        {
            Buttons =
            [
                [new ReplyButton("Done", $"rem:done:{deliveryId}"), new ReplyButton("Skip", $"rem:skip:{deliveryId}")],
                [.. ReminderButtons.SnoozeMinutes.Select(m => new ReplyButton("Snooze " + Duration(TimeSpan.FromMinutes(m)), $"rem:snooze:{deliveryId}:{m}"))],
            ],

            // The same occurrence retried after a timeout is the same message, not a second one.
            IdempotencyKey = $"rem-{deliveryId}",
        };
    }

    /// <summary>A snooze or follow-up interval as the buttons say it: <c>15 min</c>, <c>1 h</c>, <c>1 h 30 min</c>.</summary>
    public static string Duration(TimeSpan span) =>
        (span.Hours + (span.Days * 24), span.Minutes) switch
        {
            (0, var m) => $"{m} min",
            (var h, 0) => $"{h} h",
            (var h, var m) => $"{h} h {m} min",
        };
}
