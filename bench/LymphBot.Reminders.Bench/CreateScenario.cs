using System.Diagnostics;
using System.Globalization;
using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace LymphBot.Reminders.Bench;

/// <summary>
/// 1. 100,000 subscriptions of mixed kinds (<see cref="MixedSchedules"/>), one call at a time as /remind, /progress
/// weekly on and /program join make them,
/// then one <see cref="ISlotScheduler.EnsureSlotAsync"/> per distinct slot, and a sample of repeat calls for slots that
/// already exist (what every further /remind costs).
/// </summary>
internal static class CreateScenario
{
    /// <summary>Ten IANA zones for the spread; the hot slot is UTC 08:00, in none of them.</summary>
    public static readonly string[] Zones =
    [
        "Europe/Berlin", "Europe/London", "America/New_York", "America/Los_Angeles", "America/Sao_Paulo",
        "Asia/Kolkata", "Asia/Tokyo", "Asia/Singapore", "Australia/Sydney", "Africa/Johannesburg",
    ];

    public const string HotZone = "UTC";

    public static readonly TimeOnly HotTime = new(8, 0);

    /// <summary>The day the mixed schedules are built around (a Tuesday): creation's frozen clock and the burst's minute.</summary>
    public static readonly DateOnly Day = new(2026, 11, 24);

    public static ReminderSubscription Subscription(int i, string zone, TimeOnly time, DateTimeOffset now, ReminderSchedule? schedule = null)
    {
        var id = i.ToString(CultureInfo.InvariantCulture);
        return new ReminderSubscription(0, new ChatUser(BenchPlatform.PlatformName, "u" + id, "member " + id),
            new ChatAddress(BenchPlatform.PlatformName, "c" + id), time, zone, ReminderState.Active, now)
        {
            Schedule = schedule ?? ReminderSchedule.Daily(time),
        };
    }

    /// <summary>
    /// Adds <paramref name="count"/> subscriptions of mixed kinds spread as <see cref="SlotOf"/> says, one call at a time
    /// as /remind makes them (a routine of two times is two calls, the second naming the first); returns their slots.
    /// </summary>
    public static async Task<HashSet<(string, TimeOnly)>> AddMixedAsync(IServiceProvider services, int count, DateTimeOffset now, string label)
    {
        var slots = new HashSet<(string, TimeOnly)>();
        var progress = Stopwatch.StartNew();
        var watch = Stopwatch.StartNew();
        for (int i = 0, added = 0; added < count; i++)
        {
            var (zone, localTime) = SlotOf(i);
            slots.Add((zone, localTime));
            var first = await MixedSchedules.AddAsync(services, i, zone, localTime, now, Day);
            added++;
            if (MixedSchedules.HasSecondTime(i) && added < count)
            {
                var second = MixedSchedules.SecondTime(localTime);
                slots.Add((zone, second));
                await MixedSchedules.AddAsync(services, i, zone, second, now, Day, routineId: first.Id);
                added++;
            }

            if (progress.Elapsed > TimeSpan.FromSeconds(10))
            {
                Console.WriteLine($"  [{label}] {added:N0} added, {added / watch.Elapsed.TotalSeconds:N0}/s");
                progress.Restart();
            }
        }

        return slots;
    }

    public static async Task RunAsync(BenchStore store, int count, string[] configuration, Results results)
    {
        var scenario = $"create {count:N0}";
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 0, 0, 30, TimeSpan.Zero)); // frozen: nothing fires
        var platform = new BenchPlatform(0);
        await using var host = await BenchHost.StartAsync(store, time, platform, configuration);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;

        // Every 10th subscription goes to the hot slot; the rest are spread round-robin over 10 zones x 64 quarter hours
        // (a routine's second time 12 hours later); the kinds take turns (MixedSchedules).
        var reminders = host.Reminders;
        var watch = Stopwatch.StartNew();
        var slots = await AddMixedAsync(host.App.Services, count, time.GetUtcNow(), store.Label);
        var addElapsed = watch.Elapsed;
        var cpuAdd = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        watch.Restart();
        foreach (var (zone, localTime) in slots)
        {
            await host.Slots.EnsureSlotAsync(zone, localTime, CancellationToken.None);
        }

        var slotElapsed = watch.Elapsed;

        // What each further /remind pays for its slot (the trigger exists: TriggerConflict.Keep).
        const int repeats = 1_000;
        var slotList = slots.ToArray();
        watch.Restart();
        for (var i = 0; i < repeats; i++)
        {
            var (zone, localTime) = slotList[i % slotList.Length];
            await host.Slots.EnsureSlotAsync(zone, localTime, CancellationToken.None);
        }

        var repeatElapsed = watch.Elapsed;
        var managedAfter = GC.GetTotalMemory(forceFullCollection: true);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var storedSlots = (await reminders.ListSlotsAsync(CancellationToken.None)).Count;
        var hot = (await reminders.ListSlotAsync(HotZone, HotTime, CancellationToken.None)).Count;
        using var process = Process.GetCurrentProcess();
        var size = await store.SizeAsync();

        results.Add(scenario, store.Label, "AddAsync, one at a time", $"{addElapsed.TotalSeconds:N1} s = {count / addElapsed.TotalSeconds:N0} subscriptions/s",
            $"{addElapsed.TotalMilliseconds * 1000 / count:N0} µs each; CPU {cpuAdd.TotalSeconds / addElapsed.TotalSeconds:N2} cores; kinds in turn: {MixedSchedules.Describe}");
        results.Add(scenario, store.Label, "EnsureSlotAsync, new slots", $"{slots.Count:N0} slots in {slotElapsed.TotalSeconds:N2} s = {slots.Count / slotElapsed.TotalSeconds:N0}/s",
            $"{storedSlots:N0} slots in store; hot slot {HotZone} {ReminderTime.Format(HotTime)} = {hot:N0}");
        results.Add(scenario, store.Label, "EnsureSlotAsync, existing slot", $"{repeatElapsed.TotalMilliseconds * 1000 / repeats:N0} µs per call",
            "paid by every /remind after the first in its slot");
        results.Add(scenario, store.Label, store.IsPostgres ? "pg_database_size" : "database file size (db + WAL + shm)", Size(size),
            store.IsPostgres ? "subscriptions + Quartz tables + indexes" : $"{size / (double)count:N0} bytes/subscription");
        if (!store.IsPostgres)
        {
            await host.DisposeAsync();
            results.Add(scenario, store.Label, "database file after WAL checkpoint", Size(await store.CheckpointedSqliteSizeAsync()));
        }

        results.Add(scenario, store.Label, "managed heap (live, after full GC)", $"{Size(managedBefore)} -> {Size(managedAfter)}",
            $"{Size(allocated)} allocated in total = {allocated / (double)count:N0} bytes/subscription");
        results.Add(scenario, store.Label, "working set: now / peak", $"{Size(process.WorkingSet64)} / {Size(process.PeakWorkingSet64)}", "whole process, host included");
    }

    public static (string Zone, TimeOnly Time) SlotOf(int i)
    {
        if (i % 10 == 0)
        {
            return (HotZone, HotTime);
        }

        var spread = i - (i / 10) - 1;
        var zone = Zones[spread % Zones.Length];
        var quarter = (spread / Zones.Length) % 64;
        return (zone, new TimeOnly(6, 0).AddMinutes(15 * quarter));
    }

    public static string Size(long bytes) => bytes >= 1 << 20
        ? (bytes / (double)(1 << 20)).ToString("N1", CultureInfo.InvariantCulture) + " MiB"
        : (bytes / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " KiB";
}
