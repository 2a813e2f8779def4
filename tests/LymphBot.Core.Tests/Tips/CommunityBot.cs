using LymphBot.Core.Chat;
using LymphBot.Core.Tests.Reminders;
using LymphBot.Core.Tips;
using LymphBot.Testing.Conversations;

namespace LymphBot.Core.Tests.Tips;

/// <summary>
/// A group chat with tips, the tip of the day, reminders and the privacy commands on the in-memory stores: what the
/// host wires, minus SQLite and Quartz.
/// </summary>
public static class CommunityBot
{
    /// <summary>
    /// <see cref="TestChat.Member"/> (test:42) in a group chat (<see cref="TestChat.Address"/>); they moderate it when
    /// <paramref name="moderator"/>, as the chat's administrator the platform reports.
    /// </summary>
    public static TestChat Create(bool moderator = true, Dictionary<string, string?>? configuration = null) =>
        TestChat.Create(
            services => ReminderBot.AddReminders(services).AddTipsAndPrivacy(),
            ChatKind.Group,
            configuration,
            moderator ? new SenderFacts(true, []) : SenderFacts.None);

    /// <summary>Another member of the same group, not a moderator.</summary>
    public static TestChat OtherMember(this TestChat chat, string userId = "43", string name = "Bob")
    {
        ArgumentNullException.ThrowIfNull(chat);
        return chat.As(new ChatUser(chat.Address.Platform, userId, name), chat.Address, chat.Kind);
    }
}
