using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;
using LymphBot.Core.Tips;

namespace LymphBot.Dashboard;

/// <summary>What the Tips page shows of one chat; <see cref="Unposted"/> of <see cref="PoolSize"/> tips are still to come in the rotation.</summary>
public sealed record TipsFigures(
    ChatAddress Chat,
    IReadOnlyList<Tip> Queue,
    IReadOnlyList<Tip> Own,
    int PoolSize,
    int Unposted,
    ReminderSubscription? TipOfTheDay,
    IReadOnlyList<ScheduleOccurrence> NextPosts);
