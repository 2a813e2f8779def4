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
        ArgumentNullException.ThrowIfNull(entry);
        lock (_entries)
        {
            // As SqlAuditLog stores it: the chat without its thread, the name and detail cut to their columns.
            _entries.Add(entry with
            {
                Chat = new ChatAddress(entry.Chat.Platform, entry.Chat.ChatId),
                Actor = entry.Actor is { } actor ? new ChatUser(entry.Chat.Platform, actor.UserId, StoredTime.Cut(actor.DisplayName, 200)) : null,
                Detail = StoredTime.Cut(entry.Detail, 500),
                At = StoredTime.Of(entry.At),
            });
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> RecentAsync(ChatAddress chat, int count, CancellationToken cancellationToken)
    {
        lock (_entries)
        {
            return Task.FromResult<IReadOnlyList<AuditEntry>>([.. _entries.Where(e => e.Chat.Platform == chat.Platform && e.Chat.ChatId == chat.ChatId).Reverse().Take(count)]);
        }
    }

    /// <summary>How many entries name <paramref name="member"/> as who acted (<c>/mydata</c>).</summary>
    internal int CountActedBy(ChatUser member)
    {
        lock (_entries)
        {
            return _entries.Count(e => ActedBy(e, member));
        }
    }

    /// <summary>The entries stay; who acted goes (<c>/forgetme</c>).</summary>
    internal void ForgetActor(ChatUser member)
    {
        lock (_entries)
        {
            for (var i = 0; i < _entries.Count; i++)
            {
                if (ActedBy(_entries[i], member))
                {
                    _entries[i] = _entries[i] with { Actor = null };
                }
            }
        }
    }

    internal void MoveChat(string platform, string from, string to)
    {
        lock (_entries)
        {
            for (var i = 0; i < _entries.Count; i++)
            {
                if (_entries[i].Chat.Platform == platform && _entries[i].Chat.ChatId == from)
                {
                    _entries[i] = _entries[i] with { Chat = _entries[i].Chat with { ChatId = to } };
                }
            }
        }
    }

    private static bool ActedBy(AuditEntry entry, ChatUser member) => entry.Chat.Platform == member.Platform && entry.Actor?.UserId == member.UserId;
}
