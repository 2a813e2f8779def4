using System.Globalization;
using System.Text;
using LymphBot.Core.Adherence;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;

namespace LymphBot.Core.Privacy;

public sealed class MyDataCommand(IPersonalDataStore data) : IChatCommand
{
    public CommandSpec Spec { get; } = new("mydata", "See what I store about you") { Personal = true };

    public async Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var member = context.Message.Sender;
        var mine = await data.DescribeAsync(member, cancellationToken);
        var sb = new StringBuilder("**What I store about you**");
        sb.Append(CultureInfo.InvariantCulture, $"\nYour id: {member.Platform}:{ReplyMarkup.Escape(member.UserId)}");
        sb.Append("\nFirst seen: ").Append(mine.FirstSeen?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never (nothing stored)");
        sb.Append("\nTime zone: ").Append(mine.TimeZone ?? "not saved");
        sb.Append("\nReminders: ").Append(mine.Reminders.Count == 0 ? "none" : ReplyMarkup.Escape(string.Join(", ", mine.Reminders)));
        sb.Append("\nWeekly recap: ").Append(mine.WeeklyRecap is { } recap ? ReplyMarkup.Escape(ProgressCommand.Describe(recap)) : "off");
        AppendHistory(sb, mine.Outcomes);
        sb.Append("\nPrograms: ").Append(mine.Programs.Count == 0 ? "none" : ReplyMarkup.Escape(string.Join("; ", mine.Programs)));
        sb.Append(CultureInfo.InvariantCulture, $"\nTip suggestions linked to you: {mine.Suggestions}");
        sb.Append(CultureInfo.InvariantCulture, $"\nModerator actions recorded under your name: {mine.ModeratorActions}");
        sb.Append(CultureInfo.InvariantCulture, $"\nAnswers you rated 👍/👎: {mine.AnswerRatings}");
        sb.Append(CultureInfo.InvariantCulture, $"\nQuestions kept with your 👎, for our moderators: {mine.RatedQuestions}");
        sb.Append("\n\nQuestions I could not answer are kept without your id. Send /forgetme to delete all of this.");
        return new Reply(sb.ToString()) { Private = true };
    }

    /// <summary>
    /// How each reminder's days ended, as counts with the dates they span, and the rest days planned ahead by date:
    /// /progress shows them day by day.
    /// </summary>
    private static void AppendHistory(StringBuilder sb, IReadOnlyList<OutcomeRecord> outcomes)
    {
        sb.Append("\nRoutine history:");
        if (outcomes.Count == 0)
        {
            sb.Append(" none");
            return;
        }

        foreach (var reminder in outcomes.GroupBy(o => o.SubscriptionId).OrderBy(g => g.Key))
        {
            var counts = reminder.GroupBy(o => o.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Words(g.Key)}");
            sb.Append(CultureInfo.InvariantCulture, $"\n• reminder #{reminder.Key}: {string.Join(", ", counts)} ({Date(reminder.First().LocalDate)} to {Date(reminder.Last().LocalDate)})");
            var rests = reminder.Where(o => o.Outcome == OccurrenceOutcome.Rest).Select(o => Date(o.LocalDate)).ToList();
            if (rests.Count > 0)
            {
                sb.Append("; rest days ").Append(string.Join(", ", rests));
            }
        }
    }

    private static string Words(OccurrenceOutcome outcome) => outcome switch
    {
        OccurrenceOutcome.SnoozedThenDone => "done after a snooze",
        OccurrenceOutcome.Rest => "rest",
        var other => other.ToString().ToLowerInvariant(),
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
