using System.Globalization;
using System.Text;
using LymphBot.Core.Chat;
using LymphBot.Core.Reminders;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Adherence;

/// <summary>
/// A member's weekly recap: each routine's last seven days and its streak, written when the recap's slot fires, so the
/// outbox delivers exactly that text once. A member with no routines that week gets no recap.
/// </summary>
public sealed class WeeklyRecapContent(IReminderStore reminders, IOutcomeStore outcomes, TimeProvider time) : IScheduledContent
{
    public const int Days = 7;

    public ReminderKind Kind => ReminderKind.WeeklyRecap;

    public async Task<string?> ComposeAsync(ReminderSubscription subscription, DateOnly localDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var member = subscription.Member;
        var mine = await reminders.ListForMemberAsync(member.Platform, member.UserId, cancellationToken);
        if (mine.Count == 0)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var replaced = await reminders.ListReplacedForMemberAsync(member.Platform, member.UserId, cancellationToken);
        var history = await outcomes.ListForMemberAsync(member, ProgressCommand.Since([.. mine, .. replaced]), cancellationToken);
        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"📅 **Your week** ({ProgressText.Day(localDate.AddDays(1 - Days))} to {ProgressText.Day(localDate)})");
        foreach (var routine in ReminderRoutines.Group(mine))
        {
            var progress = RoutineProgress.Of(routine, history, now, Days, replaced);
            var (done, due) = progress.Tally();
            sb.Append("\n\n").Append(ProgressText.Heading(routine))
                .Append('\n').Append(ProgressText.Weeks(progress))
                .Append(CultureInfo.InvariantCulture, $"\n{done} of {due} done · {ProgressText.Streak(progress.Streak)}");
        }

        return sb.Append("\n\n").Append(ProgressText.Legend).Append("\n/progress shows four weeks; /progress weekly off stops these recaps.").ToString();
    }

    /// <summary>The text was written with its markup (the labels in it escaped) when the slot fired.</summary>
    public Reply Render(Delivery delivery, ReminderSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return new Reply(delivery.Text) { IdempotencyKey = $"rem-{delivery.Id}" };
    }
}
