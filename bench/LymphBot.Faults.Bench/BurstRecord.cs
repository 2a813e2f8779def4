using System.Diagnostics;
using LymphBot.Telegram.Tests.StandIn;

namespace LymphBot.Faults.Bench;

/// <summary>
/// The stand-in's record of every <c>sendMessage</c> of the run, read as a chat sees it: which calls posted a message
/// (<see cref="RecordedRequest.Posted"/>: a 200, readable or not, or a hang), how many copies each chat got, why a
/// chat got more than one, and how many calls fell in the busiest second.
/// </summary>
internal sealed class BurstRecord(IReadOnlyList<RecordedRequest> sends, long killedAt)
{
    public const string AfterSuccess = "resent after a readable 2xx (in the same run; a 429 or 5xx may come between)";
    public const string AfterUnreadable = "resent after a 2xx the client could not read";
    public const string AfterHang = "resent after a hang (ambiguous send)";
    public const string AcrossKill = "repeated across the kill -9 (posted by the first run, again by the second)";

    public IReadOnlyList<RecordedRequest> Sends { get; } = [.. sends.OrderBy(s => s.ReceivedTicks)];

    public int FirstRunSends => Sends.Count(s => s.ReceivedTicks < killedAt);

    /// <summary>Posted copies per chat id.</summary>
    public Dictionary<string, int> Copies() =>
        Sends.Where(s => s.Posted).GroupBy(s => s.ChatId ?? "?").ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Calls answered with <paramref name="status"/> (0: hung), as the fault plan scripted them.</summary>
    public int Answered(int status) => Sends.Count(s => s.Failure?.StatusCode == status);

    public int Clean => Sends.Count(s => s.Failure is null);

    /// <summary>Every copy after a chat's first, by what came before it: the copy it repeats.</summary>
    public Dictionary<string, int> DuplicateCauses()
    {
        var causes = new Dictionary<string, int>(StringComparer.Ordinal) { [AfterSuccess] = 0, [AfterUnreadable] = 0, [AfterHang] = 0, [AcrossKill] = 0 };
        foreach (var chat in Sends.Where(s => s.Posted).GroupBy(s => s.ChatId))
        {
            var copies = chat.ToList();
            for (var i = 1; i < copies.Count; i++)
            {
                var (before, again) = (copies[i - 1], copies[i]);
                var cause = (before.ReceivedTicks < killedAt && again.ReceivedTicks >= killedAt, before.Failure) switch
                {
                    (true, _) => AcrossKill,
                    (_, { Hang: true }) => AfterHang,
                    (_, { StatusCode: 200 }) => AfterUnreadable,
                    _ => AfterSuccess,
                };
                causes[cause]++;
            }
        }

        return causes;
    }

    /// <summary>The most calls (or posted copies) received within any sliding <paramref name="window"/>.</summary>
    public int MaxInWindow(TimeSpan window, bool postedOnly = false)
    {
        var ticks = Sends.Where(s => !postedOnly || s.Posted).Select(s => s.ReceivedTicks).ToList();
        var width = (long)(window.TotalSeconds * Stopwatch.Frequency);
        var (max, first) = (0, 0);
        for (var last = 0; last < ticks.Count; last++)
        {
            while (ticks[last] - ticks[first] >= width)
            {
                first++;
            }

            max = Math.Max(max, last - first + 1);
        }

        return max;
    }

    /// <summary>The longest time in which the stand-in received no sendMessage call at all, from the first to the last.</summary>
    public TimeSpan LongestSilence() =>
        Sends.Zip(Sends.Skip(1), (a, b) => TimeSpan.FromSeconds((double)(b.ReceivedTicks - a.ReceivedTicks) / Stopwatch.Frequency)).DefaultIfEmpty().Max();

    /// <summary>Calls received in each whole second from <paramref name="startTicks"/>.</summary>
    public IEnumerable<int> PerSecond(long startTicks)
    {
        var seconds = Sends.Select(s => (int)Math.Floor((double)(s.ReceivedTicks - startTicks) / Stopwatch.Frequency)).ToList();
        return seconds.Count == 0 ? [] : Enumerable.Range(0, seconds.Max() + 1).Select(second => seconds.Count(s => s == second));
    }

    /// <summary>The shortest time between two calls to the same chat (Telegram allows about one a second).</summary>
    public TimeSpan? MinChatGap() =>
        Sends.GroupBy(s => s.ChatId)
            .SelectMany(g => g.Zip(g.Skip(1), (a, b) => b.ReceivedTicks - a.ReceivedTicks))
            .Select(t => (TimeSpan?)TimeSpan.FromSeconds((double)t / Stopwatch.Frequency))
            .Min();
}
