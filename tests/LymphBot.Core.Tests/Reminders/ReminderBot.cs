using LymphBot.Core.Chat;
using LymphBot.Core.Reminders;
using LymphBot.Core.Scheduling;
using LymphBot.Core.Tests.Tips;
using LymphBot.Testing;
using LymphBot.Testing.Conversations;
using LymphBot.Testing.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace LymphBot.Core.Tests.Reminders;

/// <summary>The reminder commands and buttons as the host wires them, on the in-memory stores (no SQLite, no Quartz).</summary>
public static class ReminderBot
{
    public static TestChat Create(ChatKind kind = ChatKind.Direct) => TestChat.Create(services => AddReminders(services), kind);

    /// <summary>The in-memory stores, the seed knowledge the routine's content reads, scheduling and reminders.</summary>
    public static IServiceCollection AddReminders(IServiceCollection services)
    {
        services.AddInMemoryStores();
        services.AddSingleton(SeedKnowledge.Instance);
        services.AddScheduling();
        return services.AddReminders();
    }

    /// <summary>Another member in the same chat.</summary>
    public static TestChat Other(this TestChat chat, string userId = "43", string name = "Bob")
    {
        ArgumentNullException.ThrowIfNull(chat);
        return chat.As(new ChatUser(chat.Address.Platform, userId, name), chat.Address, chat.Kind);
    }

    public static IReadOnlyList<ReminderSubscription> Reminders(this TestChat chat) => chat.Get<InMemoryReminderStore>().All;

    /// <summary>The button labelled <paramref name="label"/> in <paramref name="reply"/>.</summary>
    public static ReplyButton Button(this Reply? reply, string label)
    {
        Assert.NotNull(reply);
        return reply.Buttons.SelectMany(r => r).Single(b => b.Label == label);
    }
}
