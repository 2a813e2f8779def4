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

    /// <summary>Sign-in page requests allowed per client address and minute. Default 10.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>
    /// Reverse proxies (addresses such as <c>10.0.0.5</c>, or networks such as <c>10.0.0.0/8</c>) whose
    /// <c>X-Forwarded-For</c> is believed: behind one, every request comes from the proxy's address, so sign-in
    /// attempts are counted per address the proxy reports instead. From any other peer the header is ignored, since
    /// anyone can send it. Default: none (the connection's own address counts).
    /// </summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>
    /// The folder for the keys that protect the dashboard's form tokens, so forms keep working across a restart.
    /// Default: <c>dashboard-keys</c> beside the SQLite file (PostgreSQL: <c>./data/dashboard-keys</c>), made
    /// owner-only (0700) at start. Several instances behind one address must share this folder.
    /// </summary>
    public string? KeysPath { get; set; }

    /// <summary>
    /// A PFX certificate (with its private key) that encrypts those keys at rest. Default: none, and the keys are
    /// stored unencrypted in their owner-only folder (start-up logs which).
    /// </summary>
    public string? KeyCertificatePath { get; set; }

    /// <summary>The password of <see cref="KeyCertificatePath"/>; a secret, so from the environment (<c>Dashboard__KeyCertificatePassword</c>) or user-secrets.</summary>
    public string? KeyCertificatePassword { get; set; }

    public bool IsOperator(Chat.ChatUser member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return Operators.Contains($"{member.Platform}:{member.UserId}", StringComparer.OrdinalIgnoreCase);
    }
}
