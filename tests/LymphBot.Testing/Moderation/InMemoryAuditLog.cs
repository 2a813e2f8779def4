using LymphBot.Core.Chat;
using LymphBot.Core.Moderation;

namespace LymphBot.Testing.Moderation;

public sealed class InMemoryAuditLog : IAuditLog
{
    private readonly List<AuditEntry> _entries = [];

    public IReadOnlyList<AuditEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        lock (_entries)
        {
            _entries.Add(entry);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> RecentAsync(ChatAddress chat, int count, CancellationToken cancellationToken)
    {
        lock (_entries)
        {
            return Task.FromResult<IReadOnlyList<AuditEntry>>([.. _entries.Where(e => e.Chat == chat).Reverse().Take(count)]);
        }
    }
}
