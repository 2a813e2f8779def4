using LymphBot.Core.Adherence;
using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;

namespace LymphBot.Testing.Conversations;

/// <summary>
/// A /progress section as Core writes it, for a routine whose label is full of what each platform's markup reads
/// (<c>&lt;b&gt;</c>, <c>&amp;</c>, <c>*</c>, <c>_</c>, <c>&lt;t:1:F&gt;</c>): the adapters' rendering tests check it stays literal.
/// </summary>
public static class ProgressSample
{
    public const string Label = "<b>legs</b> & *arms* _x_ <t:1:F>";

    public static Reply Reply()
    {
        var created = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        var routine = new ReminderSubscription(3, new ChatUser("test", "42", "Ada"), new ChatAddress("test", "chat-1"), new TimeOnly(9, 0), "UTC", ReminderState.Active, created)
        {
            Label = Label,
        };
        OutcomeRecord[] outcomes =
        [
            new(3, new DateOnly(2026, 11, 23), OccurrenceOutcome.Done, created),
            new(3, new DateOnly(2026, 11, 24), OccurrenceOutcome.Rest, created),
        ];
        var progress = RoutineProgress.Of([routine], outcomes, created.AddDays(2), 7);
        return new Reply($"{ProgressText.Heading([routine])}\n{ProgressText.Weeks(progress)}\n{ProgressText.Streak(progress.Streak)}\n{ProgressText.Legend}");
    }
}
