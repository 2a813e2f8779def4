using System.Globalization;
using System.Text;
using LymphBot.Core.Chat;
using LymphBot.Core.Knowledge;

namespace LymphBot.Core.Programs;

/// <summary>The wording of programs: the offer, the list, each day's step and the summary.</summary>
public static class ProgramText
{
    public const string JoinExample = "/program join gentle-7 8:00 Europe/Berlin";

    /// <summary>What a moderator's <c>/program offer</c> posts: what the program is, with its Join button.</summary>
    public static Reply Offer(ProgramDefinition program, string citation)
    {
        ArgumentNullException.ThrowIfNull(program);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"🌱 **{ReplyMarkup.Escape(program.Title)}** · {program.Days} days\n")
            .Append(ReplyMarkup.Escape(program.About))
            .Append("\n\nOne short step a day, at the time you pick, in your own time zone, and a summary after the last day. ")
            .Append("Press **Join** to start; /program leave stops it.");
        return new Reply(text.ToString())
        {
            Citation = citation,
            Buttons = [[new ReplyButton("Join", ProgramButtons.JoinData(program.Id))]],
        };
    }

    public static string Line(ProgramDefinition program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return $"• **{ReplyMarkup.Escape(program.Title)}** (`{program.Id}`), {program.Days} days: {ReplyMarkup.Escape(program.About)}";
    }

    /// <summary>The stored text of a step: its heading line, then the step and its source (rendered by <see cref="ProgramStepContent"/>).</summary>
    public static string Step(ProgramDefinition program, int days, ProgramStep step, string citation)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(step);
        return $"{program.Title}, day {step.Day} of {days}: {step.Title}\n{step.Text}\n\nSource: {citation}";
    }

    /// <summary>
    /// The stored text of the summary the day after the last step: <c>Done 4 of 7, missed 2, skipped 1.</c> (a count of
    /// none left out); the days neither done nor skipped are the missed ones.
    /// </summary>
    public static string Summary(string title, string programId, int days, int done, int skipped)
    {
        var missed = days - done - skipped;
        var tally = $"Done {done} of {days}" + (missed > 0 ? $", missed {missed}" : string.Empty) + (skipped > 0 ? $", skipped {skipped}" : string.Empty);
        return $"{title}: finished\nThat was the last of its {days} days. {tally}. " +
            $"Thank you for taking the time. Send /program to see the programs, or /program join {programId} to go through it again.";
    }

    /// <summary>An enrollment as <c>/mydata</c> lists it: "gentle-7 in test:chat-1, joined 2026-12-06, finished, 5 of 7 days done".</summary>
    public static string Record(ProgramEnrollment enrollment)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        var state = enrollment.State switch
        {
            ProgramEnrollmentState.Finished => enrollment.DaysDone is { } done ? $"finished, {done} of {enrollment.Days} days done" : "finished",
            ProgramEnrollmentState.Left => "left",
            _ => $"on it, {enrollment.Days} days from {enrollment.FirstDay:yyyy-MM-dd}",
        };
        return $"{enrollment.ProgramId} in {enrollment.Chat}, joined {enrollment.JoinedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, {state}";
    }

    /// <summary>
    /// A delivery of a course: a step with Done, Skip and Snooze under its heading (as any routine's occurrence, so the
    /// reminders' buttons and snoozes work on it), or, on the course's last date, the summary with no buttons. Every
    /// word of it is the knowledge base's text, escaped here; each adapter renders the markup for its platform.
    /// </summary>
    public static Reply Delivery(Scheduling.Delivery delivery, Scheduling.ReminderSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(subscription);
        var newline = delivery.Text.IndexOf('\n', StringComparison.Ordinal);
        var (heading, body) = newline < 0 ? (delivery.Text, string.Empty) : (delivery.Text[..newline], delivery.Text[(newline + 1)..]);
        if (delivery.LocalDate == subscription.Schedule.Until)
        {
            return new Reply($"🏁 **{ReplyMarkup.Escape(heading)}**\n{ReplyMarkup.Escape(body)}") { IdempotencyKey = $"rem-{delivery.Id}" };
        }

        return Reminders.ReminderText.Delivery(delivery.Id, subscription.LocalTime, body, delivery.Kind, heading);
    }
}
