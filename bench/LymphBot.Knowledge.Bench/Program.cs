using System.Diagnostics;
using System.Globalization;
using LymphBot.Core.Knowledge;
using LymphBot.Knowledge.Bench;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Usage: dotnet run -c Release --project bench/LymphBot.Knowledge.Bench [entries] [questions]
var entries = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var questions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000;
var folder = SyntheticKnowledge.Write(entries);
try
{
    // Index build: read + validate + index, as a reload does. First run warms the JIT; the median of the rest counts.
    var builds = new List<double>();
    for (var i = 0; i < 6; i++)
    {
        var watch = Stopwatch.StartNew();
        var (loaded, problems) = KnowledgeBase.TryLoad(folder);
        watch.Stop();
        if (loaded is null)
        {
            throw new InvalidOperationException(string.Join("\n", problems));
        }

        loaded.Index.Dispose();
        if (i > 0)
        {
            builds.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    var before = GC.GetTotalMemory(forceFullCollection: true);
    var knowledge = new KnowledgeBase(Options.Create(new KnowledgeOptions { Path = folder }), NullLogger<KnowledgeBase>.Instance);
    var after = GC.GetTotalMemory(forceFullCollection: true);

    var random = new Random(7);
    var set = Enumerable.Range(0, 2_000).Select(_ => SyntheticKnowledge.Question(random)).ToArray();
    for (var i = 0; i < 5_000; i++)
    {
        knowledge.Ask(set[i % set.Length]);
    }

    // Which questions are slow, on average over repeats (so noise from other processes averages out).
    var perQuestion = set.Take(300).Select(q =>
    {
        var start = Stopwatch.GetTimestamp();
        for (var r = 0; r < 20; r++)
        {
            knowledge.Ask(q);
        }

        return (q, ms: Stopwatch.GetElapsedTime(start).TotalMilliseconds / 20);
    }).OrderByDescending(x => x.ms).Take(5).ToList();
    foreach (var (q, ms) in perQuestion)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slowest: {ms * 1000:0} µs  {q}"));
    }

    var latencies = new double[questions];
    var kinds = new Dictionary<AnswerKind, int>();
    for (var i = 0; i < questions; i++)
    {
        var start = Stopwatch.GetTimestamp();
        var answer = knowledge.Ask(set[i % set.Length]);
        latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        kinds[answer.Kind] = kinds.GetValueOrDefault(answer.Kind) + 1;
    }

    Array.Sort(latencies);
    double P(double p) => latencies[(int)Math.Min(latencies.Length - 1, Math.Ceiling(p * latencies.Length) - 1)];
    builds.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"entries: {entries}, questions: {questions} ({string.Join(", ", kinds.Select(k => $"{k.Key} {k.Value}"))})"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"index build (read + validate + index): median {builds[builds.Count / 2]:0.0} ms, max {builds[^1]:0.0} ms"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"answer latency: p50 {P(0.50) * 1000:0} µs, p90 {P(0.90) * 1000:0} µs, p99 {P(0.99) * 1000:0} µs, max {latencies[^1]:0.00} ms"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"index memory (managed heap held by the loaded base): {(after - before) / 1024.0 / 1024.0:0.0} MiB; process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:0} MiB"));
    GC.KeepAlive(knowledge);
}
finally
{
    Directory.Delete(folder, recursive: true);
}
