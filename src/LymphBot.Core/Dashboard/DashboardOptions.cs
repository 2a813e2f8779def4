namespace LymphBot.Core.Dashboard;

/// <summary>The web dashboard for moderators and operators, served by the bot's own Kestrel. Section <c>Dashboard</c>.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>Serve the dashboard and offer <c>/dashboard</c>. Default <c>true</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The address people open, used to build sign-in links, e.g. <c>https://bot.example.org</c> behind a proxy.
    /// Default: the first of <c>Http:Urls</c> (with the port actually bound when it says <c>:0</c>).
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>Who sees every chat (and, in later pages, delivery health), as <c>platform:userId</c>. Default: none.</summary>
    public IList<string> Operators { get; } = [];

    /// <summary>Sign-in page requests allowed per remote address and minute. Default 10.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    public bool IsOperator(Chat.ChatUser member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return Operators.Contains($"{member.Platform}:{member.UserId}", StringComparer.OrdinalIgnoreCase);
    }
}
