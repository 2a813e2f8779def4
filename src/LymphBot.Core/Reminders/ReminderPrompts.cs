using LymphBot.Core.Knowledge;

namespace LymphBot.Core.Reminders;

/// <summary>
/// Chooses the routine prompt of an occurrence. Each subscription walks its own shuffled order of the prompts, one a
/// day, so nobody sees a repeat until all were used; computed from the subscription id and the date, so writing the
/// same occurrence twice picks the same prompt and no cursor needs storing.
/// </summary>
public static class ReminderPrompts
{
    public static RoutineText? For(long subscriptionId, DateOnly localDate, IReadOnlyList<RoutineText> prompts)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        if (prompts.Count == 0)
        {
            return null;
        }

        var order = Enumerable.Range(0, prompts.Count).ToArray();
        new Random(unchecked((int)subscriptionId * 7919)).Shuffle(order);
        return prompts[order[localDate.DayNumber % prompts.Count]];
    }

    /// <summary>The day's tip added to routine reminders: one per date for everyone, walking the seed tips in order.</summary>
    public static RoutineText? TipOfTheDay(DateOnly localDate, IReadOnlyList<RoutineText> tips)
    {
        ArgumentNullException.ThrowIfNull(tips);
        return tips.Count == 0 ? null : tips[localDate.DayNumber % tips.Count];
    }
}
