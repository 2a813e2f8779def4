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

    /// <summary>
    /// <c>/remind</c> as a member uses it: sends it, then presses Save on the preview when there is one. The answer is
    /// the reply to Save, or the reply to the command when it offered nothing to save (a refusal, a question).
    /// </summary>
    public static SentMessage Remind(this TestChat chat, string command)
    {
        ArgumentNullException.ThrowIfNull(chat);
        return new SentMessage(SaveAsync(chat, command));
    }

    /// <summary>The Save button of a /remind preview.</summary>
    public static ReplyButton SaveButton(this Reply? reply) => Button(reply, "✔ Save");

    private static async Task<Reply?> SaveAsync(TestChat chat, string command)
    {
        var preview = await chat.Send(command);
        var save = preview?.Buttons.SelectMany(r => r).FirstOrDefault(b => b.Data.StartsWith("rmd:save:", StringComparison.Ordinal));
        return save is null ? preview : await chat.Press(save.Data);
    }

    public static IReadOnlyList<ReminderSubscription> Reminders(this TestChat chat) => chat.Get<InMemoryReminderStore>().All;

    /// <summary>The button labelled <paramref name="label"/> in <paramref name="reply"/>.</summary>
    public static ReplyButton Button(this Reply? reply, string label)
    {
        Assert.NotNull(reply);
        return reply.Buttons.SelectMany(r => r).Single(b => b.Label == label);
    }
}
