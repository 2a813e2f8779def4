using System.Diagnostics;
using LymphBot.Core.Chat;
using LymphBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LymphBot.Reminders.Bench;

/// <summary>
/// 2 and 3. <c>count</c> reminders of mixed kinds due in the same minute (one slot, UTC 08:00, with a fifth as many more
/// that the day leaves out, a quarter of those by a planned rest day), delivered end to end by the real host:
/// Quartz fires the slot's trigger when the fake clock reaches the minute, the fan-out writes the outbox, the sender
/// claims and sends through ChatPlatforms to the bench platform, unpaced or held to <c>cap</c> messages/s.
/// All times below are real (Stopwatch); only the host's clock is fake.
/// </summary>
internal static class DeliveryScenario
{
    public static async Task RunAsync(BenchStore store, int count, int? cap, string[] configuration, Results results)
    {
        var scenario = cap is { } limit ? $"paced {count:N0} @ {limit}/s" : $"burst {count:N0}";
        var minute = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(minute.AddSeconds(-5));
        var recorder = new BenchPlatform(count);
        IChatPlatform platform = cap is { } perSecond ? new PacedPlatform(recorder, perSecond) : recorder;
        await using var host = await BenchHost.StartAsync(store, time, platform, configuration);

        // count due at the minute, of every kind in turn, plus a fifth as many in the same slot whose schedule leaves
        // the day out: the fan-out decides per subscription, and only the due ones may be sent.
        var setup = Stopwatch.StartNew();
        var day = DateOnly.FromDateTime(minute.UtcDateTime);
        for (var i = 0; i < count; i++)
        {
            await MixedSchedules.AddAsync(host.App.Services, i, CreateScenario.HotZone, CreateScenario.HotTime, time.GetUtcNow(), day);
        }

        var leftOut = count / 5;
        for (var i = 0; i < leftOut; i++)
        {
            await MixedSchedules.AddLeftOutAsync(host.App.Services, count + i, i, CreateScenario.HotZone, CreateScenario.HotTime, time.GetUtcNow(), day);
        }

        await host.Slots.EnsureSlotAsync(CreateScenario.HotZone, CreateScenario.HotTime, CancellationToken.None);
        Console.WriteLine($"  [{store.Label}] {scenario}: {count:N0} due + {leftOut:N0} left out that day in one slot set up in {setup.Elapsed.TotalSeconds:N1} s; moving the clock to {minute:HH:mm} UTC");
        await Task.Delay(500); // let the scheduler pick up the new trigger before its minute comes

        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var gcBefore = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);
        var t0 = Stopwatch.GetTimestamp();
        time.SetUtcNow(minute);
        var timeout = TimeSpan.FromSeconds(cap is { } c ? (count / (double)c) + 90 : 120);
        var finished = await Task.WhenAny(recorder.AllSent, Task.Delay(timeout));
        var tEnd = Stopwatch.GetTimestamp();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var gcs = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2) - gcBefore;
        var stamps = recorder.SortedStamps();
        if (finished != recorder.AllSent)
        {
            results.Add(scenario, store.Label, "TIMED OUT", $"{stamps.Length:N0} of {count:N0} sent after {timeout.TotalSeconds:N0} s");
            return;
        }

        var jobStart = await host.Fires.Started;
        var fanOutEnd = await host.Fires.Finished;

        // Give the last CompleteAsync calls a moment, then check the outbox agrees: every occurrence Sent, once.
        await Task.Delay(500);
        var states = await OutboxStatesAsync(host);

        results.Add(scenario, store.Label, "clock at minute -> slot job starts", Ms(t0, jobStart), "Quartz notices the minute (fake clock)");
        results.Add(scenario, store.Label, "fan-out (job start -> end)", Ms(jobStart, fanOutEnd),
            $"{count / Seconds(jobStart, fanOutEnd):N0} occurrences/s written to the outbox");
        results.Add(scenario, store.Label, "fire -> first send", Ms(jobStart, stamps[0]));
        results.Add(scenario, store.Label, "fire -> last send (lag of the last one)", Ms(jobStart, stamps[^1]), $"{Ms(t0, stamps[^1])} from the minute");
        if (cap is null)
        {
            var rate = count / Seconds(jobStart, stamps[^1]);
            results.Add(scenario, store.Label, "deliveries/s, fire -> last send", $"{rate:N0}/s", rate >= 2000 ? "target >= 2,000/s: met" : "target >= 2,000/s: NOT met");
            results.Add(scenario, store.Label, "deliveries/s, first -> last send", $"{(count - 1) / Seconds(stamps[0], stamps[^1]):N0}/s", "the sender alone, fan-out excluded");
        }
        else
        {
            var sustained = (count - 1) / Seconds(stamps[0], stamps[^1]);
            var percent = 100 * sustained / cap.Value;
            var window = MaxInWindow(stamps, Stopwatch.Frequency);
            results.Add(scenario, store.Label, "sustained rate, first -> last send", $"{sustained:N2}/s = {percent:N1}% of cap",
                $"over {Seconds(stamps[0], stamps[^1]):N1} s; target >= 95%: {(percent >= 95 ? "met" : "NOT met")}");
            results.Add(scenario, store.Label, "max sends in any 1-s sliding window", window.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"must be <= {cap}: {(window <= cap ? "met" : "NOT met")}");
            results.Add(scenario, store.Label, "rate fire -> last send", $"{count / Seconds(jobStart, stamps[^1]):N2}/s", "includes the fan-out before the first send");
        }

        results.Add(scenario, store.Label, "CPU while delivering", $"{cpu.TotalSeconds:N1} s CPU = {cpu.TotalSeconds / Seconds(t0, tEnd):N2} cores",
            $"{cpu.TotalMilliseconds * 1000 / count:N0} µs CPU/delivery; {gcs} GCs");
        results.Add(scenario, store.Label, "outbox after the run", states,
            (recorder.Extra == 0 ? "no send repeated" : $"{recorder.Extra} EXTRA sends") + $"; due kinds: {MixedSchedules.Describe}; {leftOut:N0} more in the slot that the day leaves out ({MixedSchedules.DescribeLeftOut}), none sent");
    }

    /// <summary>The most sends whose timestamps fall in any half-open window [t, t + width).</summary>
    public static int MaxInWindow(long[] sorted, long width)
    {
        var max = 0;
        var start = 0;
        for (var end = 0; end < sorted.Length; end++)
        {
            while (sorted[end] - sorted[start] >= width)
            {
                start++;
            }

            max = Math.Max(max, end - start + 1);
        }

        return max;
    }

    private static async Task<string> OutboxStatesAsync(BenchHost host)
    {
        await using var connection = await host.App.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state, COUNT(*) FROM reminder_deliveries GROUP BY state ORDER BY state";
        await using var reader = await command.ExecuteReaderAsync();
        var parts = new List<string>();
        while (await reader.ReadAsync())
        {
            parts.Add($"{reader.GetString(0)} {reader.GetInt64(1):N0}");
        }

        return string.Join(", ", parts);
    }

    private static double Seconds(long from, long to) => (to - from) / (double)Stopwatch.Frequency;

    private static string Ms(long from, long to) => $"{Seconds(from, to) * 1000:N0} ms";
}
