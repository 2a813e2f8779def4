using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace LymphBot.Core.Chat;

/// <summary>
/// At most <see cref="RateLimitOptions.PerMinute"/> questions and suggestions per member per minute (sliding), and as
/// many presses of the bot's buttons, counted apart so rating an answer does not use up a question. The first refusal
/// in a window gets one polite notice; the rest are silent until the window passes.
/// </summary>
public sealed class UserRateLimiter(TimeProvider time, IOptions<RateLimitOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>What members send: questions, suggestions.</summary>
    public const string Messages = "messages";

    /// <summary>Presses of the bot's buttons: votes, topics, reminder buttons.</summary>
    public const string ButtonPresses = "buttons";

    public RateDecision Check(ChatUser member, string kind = Messages)
    {
        ArgumentNullException.ThrowIfNull(member);
        var now = time.GetUtcNow();
        var bucket = _buckets.GetOrAdd($"{kind}|{member}", _ => new Bucket());
        lock (bucket)
        {
            while (bucket.Times.Count > 0 && now - bucket.Times.Peek() >= Window)
            {
                bucket.Times.Dequeue();
            }

            if (bucket.Times.Count < options.Value.PerMinute)
            {
                bucket.Times.Enqueue(now);
                bucket.Warned = false;
                return RateDecision.Allowed;
            }

            if (bucket.Warned)
            {
                return RateDecision.Silent;
            }

            bucket.Warned = true;
            return RateDecision.Notice;
        }
    }

    /// <summary><c>null</c> when the member may go on; otherwise the notice, or <see cref="Reply.Silence"/> after it.</summary>
    public Reply? Throttle(ChatUser member, string kind = Messages) => Check(member, kind) switch
    {
        RateDecision.Allowed => null,
        RateDecision.Notice => NoticeReply,
        _ => Reply.Silence,
    };

    public static Reply NoticeReply { get; } = Reply.Refusal("You're sending messages faster than I can keep up with. Please wait a minute and try again.");

    private sealed class Bucket
    {
        public Queue<DateTimeOffset> Times { get; } = new();

        public bool Warned { get; set; }
    }
}
