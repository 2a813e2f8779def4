using LymphBot.Core.Chat;

namespace LymphBot.Core.Programs;

/// <summary>
/// A member on a program: which one, in which chat they joined (the steps go there, and its moderators count it), how
/// many days it had when they joined, and the course subscription that delivers it through the slot scheduler.
/// </summary>
public sealed record ProgramEnrollment(
    long Id,
    string ProgramId,
    ChatUser Member,
    ChatAddress Chat,
    int Days,
    DateOnly FirstDay,
    ProgramEnrollmentState State,
    DateTimeOffset JoinedAt)
{
    /// <summary>The course subscription (kind Program) that sends the steps; <c>null</c> once it is gone.</summary>
    public long? SubscriptionId { get; init; }

    /// <summary>When it finished or was left.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>How many days were ticked Done, counted when it finished.</summary>
    public int? DaysDone { get; init; }

    /// <summary>Which day <paramref name="localDate"/> is (1 on <see cref="FirstDay"/>); 0 or less before it starts.</summary>
    public int DayOf(DateOnly localDate) => localDate.DayNumber - FirstDay.DayNumber + 1;
}
