using LymphBot.Core.Knowledge;
using LymphBot.Core.Reminders;

namespace LymphBot.Core.Tests.Reminders;

public sealed class ReminderPromptsTests
{
    private static readonly RoutineText[] Prompts =
        [.. Enumerable.Range(0, 7).Select(i => new RoutineText($"p{i}", $"prompt {i}", new SourceReference("doc", [1]), default))];

    [Fact]
    public void For_ConsecutiveDays_UsesEveryPromptBeforeRepeating()
    {
        var start = new DateOnly(2026, 11, 24);

        var week = Enumerable.Range(0, Prompts.Length).Select(d => ReminderPrompts.For(42, start.AddDays(d), Prompts)!.Id).ToList();

        Assert.Equal(Prompts.Length, week.Distinct().Count());
    }

    [Fact]
    public void TipOfTheDay_IsOnePerDateForEveryone_WalkingThePool()
    {
        var day = new DateOnly(2026, 11, 24);

        var week = Enumerable.Range(0, Prompts.Length).Select(d => ReminderPrompts.TipOfTheDay(day.AddDays(d), Prompts)!.Id).ToList();

        Assert.Equal(Prompts.Length, week.Distinct().Count());
        Assert.Equal(ReminderPrompts.TipOfTheDay(day, Prompts), ReminderPrompts.TipOfTheDay(day.AddDays(Prompts.Length), Prompts));
        Assert.Null(ReminderPrompts.TipOfTheDay(day, []));
    }

    [Fact]
    public void For_SameDay_IsStable_AndMembersGetDifferentOrders()
    {
        var day = new DateOnly(2026, 11, 24);

        Assert.Equal(ReminderPrompts.For(1, day, Prompts), ReminderPrompts.For(1, day, Prompts));
        var orders = Enumerable.Range(1, 5).Select(id => string.Join(",", Enumerable.Range(0, 7).Select(d => ReminderPrompts.For(id, day.AddDays(d), Prompts)!.Id))).ToList();
        Assert.True(orders.Distinct().Count() > 1);
        Assert.Null(ReminderPrompts.For(1, day, []));
    }
}
