namespace LymphBot.Dashboard;

/// <summary>The Audit log page's filter: an action, a moderator (id or name, any case), and UTC dates, each optional.</summary>
public sealed record AuditFilter(string? Action, string? Moderator, DateOnly? From, DateOnly? To)
{
    public static AuditFilter None { get; } = new(null, null, null, null);
}
