namespace LymphBot.Dashboard;

/// <summary>One audit log row as stored (<c>At</c> in Unix milliseconds); settable properties, as Dapper fills them across providers.</summary>
public sealed class AuditRow
{
    public long Id { get; init; }

    public string Platform { get; init; } = string.Empty;

    public string ChatId { get; init; } = string.Empty;

    public string? ActorId { get; init; }

    public string? ActorName { get; init; }

    public string Action { get; init; } = string.Empty;

    public string Detail { get; init; } = string.Empty;

    public bool Allowed { get; init; }

    public long At { get; init; }

    public DateTimeOffset AtTime => DateTimeOffset.FromUnixTimeMilliseconds(At);
}
