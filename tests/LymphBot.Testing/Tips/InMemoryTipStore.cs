using LymphBot.Core.Chat;
using LymphBot.Core.Tips;

namespace LymphBot.Testing.Tips;

/// <summary>
/// Tips and each chat's rotation in memory, with SqlTipStore's rules: one tip per (community, normalised text), a
/// community is a chat without its thread, ids count up, lists are oldest first, a post is recorded once per rotation.
/// </summary>
public sealed class InMemoryTipStore : ITipStore
{
    private readonly Lock _gate = new();
    private readonly List<(Tip Tip, string Normalized)> _tips = [];
    private readonly Dictionary<(string Platform, string ChatId), HashSet<string>> _posted = [];
    private long _lastId;

    public IReadOnlyList<Tip> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _tips.Select(t => t.Tip)];
            }
        }
    }

    public Task<(Tip Tip, bool Added)> AddAsync(Tip tip, string normalizedText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tip);
        var community = tip.Community ?? throw new ArgumentException("A stored tip belongs to a community.", nameof(tip));
        lock (_gate)
        {
            var existing = _tips.FindIndex(t => SameChat(t.Tip.Community!, community) && t.Normalized == normalizedText);
            if (existing >= 0)
            {
                return Task.FromResult((_tips[existing].Tip, false));
            }

            var id = ++_lastId;
            _tips.Add((Stored(tip with { Id = id }, community), normalizedText));
            return Task.FromResult((tip with { Id = id }, true));
        }
    }

    public Task<Tip?> FindAsync(long id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<Tip?>(_tips.Find(t => t.Tip.Id == id).Tip);
        }
    }

    public Task<IReadOnlyList<Tip>> ListAsync(ChatAddress community, TipStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(community);
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Tip>>([.. _tips.Select(t => t.Tip).Where(t => SameChat(t.Community!, community) && t.Status == status).OrderBy(t => t.Id)]);
        }
    }

    public Task SetStatusAsync(long id, TipStatus status, CancellationToken cancellationToken) =>
        Update(t => t.Id == id, t => t with { Status = status });

    public Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_tips.RemoveAll(t => t.Tip.Id == id) > 0);
        }
    }

    public Task<IReadOnlySet<string>> PostedAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        lock (_gate)
        {
            return Task.FromResult<IReadOnlySet<string>>(_posted.TryGetValue((chat.Platform, chat.ChatId), out var keys) ? keys.ToHashSet(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal));
        }
    }

    public Task RecordPostAsync(ChatAddress chat, string tipKey, bool startOver, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        lock (_gate)
        {
            if (!_posted.TryGetValue((chat.Platform, chat.ChatId), out var keys) || startOver)
            {
                _posted[(chat.Platform, chat.ChatId)] = keys = new HashSet<string>(StringComparer.Ordinal);
            }

            keys.Add(tipKey);
        }

        return Task.CompletedTask;
    }

    /// <summary>How many tips name <paramref name="member"/> as their suggester (<c>/mydata</c>).</summary>
    internal int CountSuggestedBy(ChatUser member)
    {
        lock (_gate)
        {
            return _tips.Count(t => SuggestedBy(t.Tip, member));
        }
    }

    /// <summary>The tips stay; who suggested them, and where, goes (<c>/forgetme</c>).</summary>
    internal Task ForgetSuggesterAsync(ChatUser member) =>
        Update(t => SuggestedBy(t, member), t => t with { SuggestedBy = null, SuggestedIn = null });

    /// <summary>
    /// A chat's tips and rotation follow it to its new id; where the new chat already has the same tip or post, the
    /// new chat's copy wins (SqlChatMigrationStore).
    /// </summary>
    internal void MoveChat(string platform, string from, string to)
    {
        lock (_gate)
        {
            var taken = _tips.Where(t => t.Tip.Community!.Platform == platform && t.Tip.Community.ChatId == to).Select(t => t.Normalized).ToHashSet(StringComparer.Ordinal);
            _tips.RemoveAll(t => t.Tip.Community!.Platform == platform && t.Tip.Community.ChatId == from && taken.Contains(t.Normalized));
            for (var i = 0; i < _tips.Count; i++)
            {
                var tip = _tips[i].Tip;
                if (tip.Community!.Platform != platform)
                {
                    continue;
                }

                if (tip.Community.ChatId == from)
                {
                    tip = tip with { Community = tip.Community with { ChatId = to } };
                }

                if (tip.SuggestedIn?.ChatId == from)
                {
                    tip = tip with { SuggestedIn = tip.SuggestedIn with { ChatId = to } };
                }

                _tips[i] = (tip, _tips[i].Normalized);
            }

            if (_posted.Remove((platform, from), out var moved))
            {
                var keys = _posted.TryGetValue((platform, to), out var existing) ? existing : _posted[(platform, to)] = new HashSet<string>(StringComparer.Ordinal);
                keys.UnionWith(moved);
            }
        }
    }

    private Task Update(Func<Tip, bool> which, Func<Tip, Tip> change)
    {
        lock (_gate)
        {
            for (var i = 0; i < _tips.Count; i++)
            {
                if (which(_tips[i].Tip))
                {
                    _tips[i] = (change(_tips[i].Tip), _tips[i].Normalized);
                }
            }
        }

        return Task.CompletedTask;
    }

    // The row keeps the community's platform and chat id, the suggester's id and name, and the thread of the chat they
    // suggested in; times to the millisecond.
    private static Tip Stored(Tip tip, ChatAddress community) => tip with
    {
        Community = new ChatAddress(community.Platform, community.ChatId),
        CreatedAt = StoredTime.Of(tip.CreatedAt),
        SuggestedBy = tip.SuggestedBy is { } by ? new ChatUser(community.Platform, by.UserId, by.DisplayName) : null,
        SuggestedIn = tip.SuggestedIn is { } at ? new ChatAddress(community.Platform, at.ChatId, at.ThreadId) : null,
    };

    private static bool SameChat(ChatAddress a, ChatAddress b) => a.Platform == b.Platform && a.ChatId == b.ChatId;

    private static bool SuggestedBy(Tip tip, ChatUser member) =>
        tip.Community!.Platform == member.Platform && tip.SuggestedBy?.UserId == member.UserId;
}
