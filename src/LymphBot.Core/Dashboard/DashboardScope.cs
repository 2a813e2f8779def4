using LymphBot.Core.Chat;

namespace LymphBot.Core.Dashboard;

/// <summary>
/// What a dashboard session may see: every chat (operators), or the group chats its holder moderates, plus the
/// questions asked in private chats for the moderators named in configuration. Stored with the link and the session
/// as text (<see cref="ToText"/>), so the scope cannot widen after the link was issued.
/// </summary>
public sealed record DashboardScope
{
    private const string Everything = "*";
    private const string Private = "private";

    private DashboardScope(bool allChats, IReadOnlyList<ChatAddress> chats, bool privateChats)
    {
        AllChats = allChats;
        Chats = chats;
        PrivateChats = privateChats;
    }

    public bool AllChats { get; }

    /// <summary>Group chats, without threads.</summary>
    public IReadOnlyList<ChatAddress> Chats { get; }

    /// <summary>May read what was asked in private chats (configured moderators and operators).</summary>
    public bool PrivateChats { get; }

    public static DashboardScope Operator { get; } = new(true, [], true);

    public static DashboardScope Moderator(IEnumerable<ChatAddress> chats, bool privateChats)
    {
        ArgumentNullException.ThrowIfNull(chats);
        return new(false, [.. chats.Select(c => c with { ThreadId = null }).Distinct()], privateChats);
    }

    public bool Covers(ChatAddress chat)
    {
        ArgumentNullException.ThrowIfNull(chat);
        return AllChats || Chats.Contains(chat with { ThreadId = null });
    }

    /// <summary>One line: <c>*</c>, or entries such as <c>telegram:-100123</c> and <c>private</c>, separated by newlines.</summary>
    public string ToText() =>
        AllChats ? Everything : string.Join('\n', Chats.Select(c => $"{c.Platform}:{c.ChatId}").Concat(PrivateChats ? [Private] : []));

    public static DashboardScope Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == Everything)
        {
            return Operator;
        }

        var entries = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var chats = entries.Where(e => e != Private && e.Contains(':', StringComparison.Ordinal))
            .Select(e => new ChatAddress(e[..e.IndexOf(':', StringComparison.Ordinal)], e[(e.IndexOf(':', StringComparison.Ordinal) + 1)..]));
        return Moderator(chats, entries.Contains(Private));
    }
}
