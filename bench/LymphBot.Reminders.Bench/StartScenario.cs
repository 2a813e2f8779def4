using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace LymphBot.Reminders.Bench;

/// <summary>
/// 4. Start to ready with <c>count</c> subscriptions of mixed kinds already stored (and their slots' triggers): the real
/// host built and started (migrations checked, the slot reconcile, Quartz started) until <c>/readyz</c> answers 200,
/// three times on the same database. In process, so after the first start the code is already compiled; the startup
/// bench (bench/LymphBot.Startup.Bench) times a fresh process.
/// </summary>
internal static class StartScenario
{
    private const int Starts = 3;

    public static async Task RunAsync(BenchStore store, int count, string[] configuration, Results results)
    {
        var scenario = $"start with {count:N0}";
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 0, 0, 30, TimeSpan.Zero)); // frozen: nothing fires
        await using (var setup = await BenchHost.StartAsync(store, time, new BenchPlatform(0), configuration))
        {
            var slots = await CreateScenario.AddMixedAsync(setup.App.Services, count, time.GetUtcNow(), store.Label);
            foreach (var (zone, localTime) in slots)
            {
                await setup.Slots.EnsureSlotAsync(zone, localTime, CancellationToken.None);
            }

            Console.WriteLine($"  [{store.Label}] {count:N0} subscriptions in {slots.Count:N0} slots stored; starting {Starts} times ...");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var elapsed = new List<TimeSpan>();
        for (var start = 0; start < Starts; start++)
        {
            var watch = Stopwatch.StartNew();
            await using var host = await BenchHost.StartAsync(store, time, new BenchPlatform(0), configuration);
            var started = watch.Elapsed;
            var readyz = new Uri(new Uri(Address(host)), "/readyz");
            while (true)
            {
                using var response = await http.GetAsync(readyz);
                if (response.IsSuccessStatusCode)
                {
                    break;
                }

                if (watch.Elapsed > TimeSpan.FromSeconds(30))
                {
                    results.Add(scenario, store.Label, "NOT READY", $"{(int)response.StatusCode} after 30 s", await response.Content.ReadAsStringAsync());
                    return;
                }

                await Task.Delay(10);
            }

            elapsed.Add(watch.Elapsed);
            Console.WriteLine($"  [{store.Label}] start {start + 1}: StartAsync {started.TotalMilliseconds:N0} ms, /readyz 200 at {watch.Elapsed.TotalMilliseconds:N0} ms");
        }

        var first = elapsed[0];
        var later = elapsed.Skip(1).Max();
        results.Add(scenario, store.Label, "start -> /readyz 200, first start", $"{first.TotalMilliseconds:N0} ms",
            $"target < 2 s: {(first < TimeSpan.FromSeconds(2) ? "met" : "NOT met")} (in process, after the setup host: code already compiled)");
        results.Add(scenario, store.Label, $"start -> /readyz 200, starts 2-{Starts} (worst)", $"{later.TotalMilliseconds:N0} ms",
            $"target < 2 s: {(later < TimeSpan.FromSeconds(2) ? "met" : "NOT met")}; {MixedSchedules.Describe}");
    }

    private static string Address(BenchHost host) =>
        host.App.Urls.First();
}
