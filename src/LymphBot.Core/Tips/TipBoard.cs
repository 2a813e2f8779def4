using LymphBot.Core.Chat;
using LymphBot.Core.Knowledge;

namespace LymphBot.Core.Tips;

/// <summary>
/// The tip pool of a chat: the seed tips written from the source documents plus the chat's own approved tips, and
/// the rotation that posts each once before any repeats.
/// </summary>
public sealed class TipBoard(ITipStore tips, KnowledgeBase knowledge, TimeProvider time)
{
    public const int MaxLength = 1000;

    /// <summary>Seed tips are <c>s:&lt;id&gt;</c>, the chat's own <c>t:&lt;id&gt;</c>.</summary>
    public static string KeyOf(Tip tip)
    {
        ArgumentNullException.ThrowIfNull(tip);
        return "t:" + tip.Id;
    }

    /// <summary>Cleans tip text; <c>null</c> with a reason when it is empty or too long.</summary>
    public static string? Clean(string text, out string? problem)
    {
        var cleaned = InputText.Clean(text);
        problem = cleaned.Length switch
        {
            0 => "A tip needs some text, for example: /tip suggest Take slow, deep breaths during your routine.",
            > MaxLength => $"That tip is {cleaned.Length} characters; please keep tips to {MaxLength}.",
            _ => null,
        };
        return problem is null ? cleaned : null;
    }

    /// <summary>Everything a chat can post: seeds first, then the chat's approved tips.</summary>
    public async Task<IReadOnlyList<(string Key, string Text)>> PoolAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        var seeds = knowledge.Snapshot.Tips.Select(t => ("s:" + t.Id, t.Text));
        var own = (await tips.ListAsync(Community(chat), TipStatus.Approved, cancellationToken)).Select(t => (KeyOf(t), t.Text));
        return [.. seeds.Concat(own)];
    }

    /// <summary>The next tip for a chat, never repeating until all were posted, and records it as posted.</summary>
    public async Task<string?> NextAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        var pool = await PoolAsync(chat, cancellationToken);
        if (pool.Count == 0)
        {
            return null;
        }

        var posted = await tips.PostedAsync(Community(chat), cancellationToken);
        var fresh = pool.Where(t => !posted.Contains(t.Key)).ToList();
        var startOver = fresh.Count == 0;
        var candidates = startOver ? pool : fresh;
        var pick = candidates[Random.Shared.Next(candidates.Count)];
        await tips.RecordPostAsync(Community(chat), pick.Key, startOver, time.GetUtcNow(), cancellationToken);
        return pick.Text;
    }

    /// <summary>A chat's community is the chat itself; threads of a forum share it.</summary>
    public static ChatAddress Community(ChatAddress chat)
    {
        ArgumentNullException.ThrowIfNull(chat);
        return chat with { ThreadId = null };
    }
}
