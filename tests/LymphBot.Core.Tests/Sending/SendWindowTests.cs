using LymphBot.Core.Sending;

namespace LymphBot.Core.Tests.Sending;

/// <summary>
/// A recorded schedule of sends (a burst of 300 with the latencies a flaky Bot API showed: fast answers, slow ones,
/// and requests that hang for 35 s) run through the window in simulated time: whenever the platform receives each
/// request, no 1-second window can hold more than the cap.
/// </summary>
public sealed class SendWindowTests
{
    private const int Cap = 30;
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    // Milliseconds per request, in the order they were sent; the schedule repeats.
    private static readonly int[] RecordedLatencies = [12, 9, 15, 480, 11, 35_000, 8, 14, 1_250, 10, 9, 13, 700, 7, 35_000, 16, 10, 2_100, 9, 12];

    [Theory]
    [InlineData(32)]
    [InlineData(8)]
    [InlineData(300)]
    public void Burst_WithRecordedLatencies_NeverMoreThanTheCapInAnySlidingSecond(int workers)
    {
        var sends = Simulate(new SendWindow(Cap, Second), 300, workers);

        Assert.Equal(300, sends.Count);
        Assert.True(MostInAnyWindow(sends) <= Cap, $"{MostInAnyWindow(sends)} sends could reach the platform within one second");
    }

    [Fact]
    public void Burst_WithFastAnswers_RunsAtTheCap_Evenly()
    {
        var sends = Simulate(new SendWindow(Cap, Second), 300, workers: 32, latencies: [5]);

        var span = sends[^1].Start - sends[0].Start;
        Assert.InRange(300 / span.TotalSeconds, Cap * 0.95, Cap);

        // Evenly spread: no burst of the whole cap in a fifth of a second.
        Assert.All(sends.Zip(sends.Skip(1)), pair => Assert.True(pair.Second.Start - pair.First.Start >= Second / Cap));
    }

    [Fact]
    public void NextAllowed_AllPlacesTakenBySendsInFlight_WaitsForOneToEnd()
    {
        var window = new SendWindow(2, Second, spaced: false);
        var t0 = DateTimeOffset.UnixEpoch;
        window.Begin(t0);
        window.Begin(t0);

        Assert.Null(window.NextAllowed(t0 + TimeSpan.FromSeconds(5)));

        window.End(t0 + TimeSpan.FromSeconds(6));
        Assert.Equal(t0 + TimeSpan.FromSeconds(7), window.NextAllowed(t0 + TimeSpan.FromSeconds(6)));
        Assert.Equal(t0 + TimeSpan.FromSeconds(7), window.NextAllowed(t0 + TimeSpan.FromSeconds(7)));
    }

    /// <summary>
    /// The most sends the platform could have received within one second: those whose span from start to end meets
    /// the window. Candidate windows start at every start and every end.
    /// </summary>
    internal static int MostInAnyWindow(IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> sends) =>
        sends.SelectMany(s => new[] { s.Start, s.End })
            .Max(from => sends.Count(s => s.Start < from + Second && s.End >= from));

    /// <summary>Discrete-event simulation: each worker sends as soon as the window allows, one request at a time.</summary>
    private static List<(DateTimeOffset Start, DateTimeOffset End)> Simulate(SendWindow window, int total, int workers, int[]? latencies = null)
    {
        latencies ??= RecordedLatencies;
        var now = DateTimeOffset.UnixEpoch;
        var sends = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        var inFlight = new PriorityQueue<DateTimeOffset, DateTimeOffset>();
        var idle = workers;
        while (sends.Count < total || inFlight.Count > 0)
        {
            if (idle > 0 && sends.Count < total && window.NextAllowed(now) is { } allowed && allowed <= now)
            {
                var end = now + TimeSpan.FromMilliseconds(latencies[sends.Count % latencies.Length]);
                window.Begin(now);
                sends.Add((now, end));
                inFlight.Enqueue(end, end);
                idle--;
                continue;
            }

            // Move time to the next event: a request answered, or the window opening.
            var nextEnd = inFlight.Count > 0 ? inFlight.Peek() : DateTimeOffset.MaxValue;
            var nextOpen = idle > 0 && sends.Count < total && window.NextAllowed(now) is { } open ? open : DateTimeOffset.MaxValue;
            now = nextEnd < nextOpen ? nextEnd : nextOpen;
            while (inFlight.Count > 0 && inFlight.Peek() <= now)
            {
                window.End(inFlight.Dequeue());
                idle++;
            }
        }

        return sends;
    }
}
