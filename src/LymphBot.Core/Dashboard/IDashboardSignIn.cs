using LymphBot.Core.Chat;

namespace LymphBot.Core.Dashboard;

/// <summary>Issues the one-time sign-in links of the web dashboard.</summary>
public interface IDashboardSignIn
{
    /// <summary>A link that signs <paramref name="member"/> in once, within minutes, to see <paramref name="scope"/>.</summary>
    Task<Uri> IssueLinkAsync(ChatUser member, DashboardScope scope, CancellationToken cancellationToken);
}
