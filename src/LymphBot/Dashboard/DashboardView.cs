using LymphBot.Core.Chat;
using LymphBot.Core.Knowledge;

namespace LymphBot.Dashboard;

/// <summary>
/// What one request may show or change: the session, and the chat asked for (already checked against its scope):
/// one group, the private chats (<see cref="PrivateChoice"/>), or, when neither, everything the session covers.
/// </summary>
public sealed record DashboardView(DashboardSession Session, ChatAddress? Chat, bool PrivateOnly)
{
    /// <summary>The <c>chat</c> value that picks the questions asked in private chats.</summary>
    public const string PrivateChoice = "private";

    /// <summary>The <c>chat</c> value of this view, to carry into links and forms.</summary>
    public string ChatValue => PrivateOnly ? PrivateChoice : Chat?.ToString() ?? string.Empty;

    /// <summary>A query string that keeps the chat (empty when none).</summary>
    public string Query => ChatValue.Length == 0 ? string.Empty : "?chat=" + Uri.EscapeDataString(ChatValue);

    /// <summary>The gap scopes this view reads: <c>null</c> for every chat (an operator with no chat chosen).</summary>
    public IReadOnlyList<GapScope>? GapScopes()
    {
        var scope = Session.Scope;
        if (PrivateOnly)
        {
            return [GapScope.PrivateChats];
        }

        if (Chat is { } chat)
        {
            return [GapScope.Group(chat)];
        }

        return scope.AllChats ? null : [.. scope.Chats.Select(GapScope.Group), .. scope.PrivateChats ? [GapScope.PrivateChats] : Array.Empty<GapScope>()];
    }

    /// <summary>Parses <c>chat</c> as the pages accept it; <c>null</c> when it is malformed or outside the session's scope.</summary>
    public static DashboardView? For(DashboardSession session, string? chat)
    {
        ArgumentNullException.ThrowIfNull(session);
        var text = chat?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return new(session, null, false);
        }

        if (text == PrivateChoice)
        {
            return session.Scope.PrivateChats ? new(session, null, true) : null;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);

        // The chat id may hold colons (Discord's user:…), the platform does not.
        return colon > 0 && colon < text.Length - 1 && new ChatAddress(text[..colon], text[(colon + 1)..]) is var address && session.Scope.Covers(address)
            ? new(session, address, false)
            : null;
    }
}
