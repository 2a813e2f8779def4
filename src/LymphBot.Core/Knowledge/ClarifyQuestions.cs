using System.Security.Cryptography;
using LymphBot.Core.Chat;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// The questions behind recent "Did you mean…?" replies and answers, under short keys that fit a button's 64 bytes,
/// so a tap can record which entry the question meant, or which question a 👎 was about. Bounded and in memory: after
/// a restart or a day, a tap still answers, it just records nothing (a 👎 then counts without its question).
/// </summary>
public sealed class ClarifyQuestions(TimeProvider time)
{
    /// <summary>Keys kept: every answer takes one now, not only "Did you mean…?" (at most about 1 MiB of questions).</summary>
    public const int Capacity = 5000;
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Question, ChatUser? AskedBy, DateTimeOffset At)> _byKey = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>Remembers a (normalised) question and who asked it; returns its key.</summary>
    public string Remember(string question, ChatUser? askedBy = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        lock (_gate)
        {
            while (_order.Count >= Capacity)
            {
                _byKey.Remove(_order.Dequeue());
            }

            _byKey[key] = (question, askedBy, time.GetUtcNow());
            _order.Enqueue(key);
        }

        return key;
    }

    /// <summary>The question remembered under a key, if it is still known.</summary>
    public string? Recall(string key) => Find(key)?.Question;

    /// <summary>
    /// The question under a key only if <paramref name="member"/> asked it: a 👎 pressed by someone else in a group
    /// must not file the asker's words under the presser's id, where the asker's /forgetme could not reach them.
    /// </summary>
    public string? RecallOwn(string key, ChatUser member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return Find(key) is { AskedBy: { } asker } entry && asker.Platform == member.Platform && asker.UserId == member.UserId
            ? entry.Question
            : null;
    }

    private (string Question, ChatUser? AskedBy, DateTimeOffset At)? Find(string key)
    {
        lock (_gate)
        {
            return _byKey.TryGetValue(key, out var entry) && time.GetUtcNow() - entry.At <= Lifetime ? entry : null;
        }
    }
}
