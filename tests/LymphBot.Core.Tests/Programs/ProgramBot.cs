using LymphBot.Core.Chat;
using LymphBot.Core.Knowledge;
using LymphBot.Core.Programs;
using LymphBot.Core.Reminders;
using LymphBot.Core.Scheduling;
using LymphBot.Core.Tests.Knowledge;
using LymphBot.Core.Tests.Reminders;
using LymphBot.Core.Tips;
using LymphBot.Testing;
using LymphBot.Testing.Conversations;
using LymphBot.Testing.Programs;
using Microsoft.Extensions.DependencyInjection;

namespace LymphBot.Core.Tests.Programs;

/// <summary>
/// A group with programs, reminders, tips and the privacy commands on the in-memory stores and the shipped knowledge
/// (its <c>gentle-7</c>): what the host wires, minus SQLite and Quartz. The clock starts on Monday 2026-11-23 08:00 UTC.
/// </summary>
public static class ProgramBot
{
    public static TestChat Create(bool moderator = false, KnowledgeBase? knowledge = null) =>
        TestChat.Create(
            services =>
            {
                services.AddInMemoryStores();
                services.AddSingleton(knowledge ?? ShippedKnowledge.Instance);
                services.AddScheduling();
                services.AddReminders();
                services.AddTipsAndPrivacy();
                services.AddPrograms();
            },
            ChatKind.Group,
            facts: moderator ? new SenderFacts(true, []) : SenderFacts.None);

    public static TestChat Member(this TestChat chat, string userId, string name)
    {
        ArgumentNullException.ThrowIfNull(chat);
        return chat.As(new ChatUser(chat.Address.Platform, userId, name), chat.Address, chat.Kind);
    }

    public static IReadOnlyList<ProgramEnrollment> Enrollments(this TestChat chat) => chat.Get<InMemoryProgramEnrollmentStore>().All;

    public static IReadOnlyList<ReminderSubscription> Courses(this TestChat chat) =>
        [.. chat.Get<Testing.Scheduling.InMemoryReminderStore>().All.Where(r => r.Kind == ReminderKind.Program)];

    /// <summary>Join, then the time button labelled <paramref name="time"/>: the reply to that press.</summary>
    public static async Task<Reply> JoinAtAsync(this TestChat chat, string time, string program = "gentle-7")
    {
        ArgumentNullException.ThrowIfNull(chat);
        var picker = await chat.Press(ProgramButtons.JoinData(program));
        return (await chat.Press(picker.Button(time).Data))!;
    }
}
