using System.Globalization;
using System.Text;
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
        sb.Append("\nPrograms: ").Append(mine.Programs.Count == 0 ? "none" : ReplyMarkup.Escape(string.Join("; ", mine.Programs)));
        sb.Append(CultureInfo.InvariantCulture, $"\nTip suggestions linked to you: {mine.Suggestions}");
        sb.Append(CultureInfo.InvariantCulture, $"\nModerator actions recorded under your name: {mine.ModeratorActions}");
        sb.Append(CultureInfo.InvariantCulture, $"\nAnswers you rated 👍/👎: {mine.AnswerRatings}");
        sb.Append("\n\nQuestions I could not answer are kept without your id. Send /forgetme to delete all of this.");
        return new Reply(sb.ToString()) { Private = true };
    }
}
