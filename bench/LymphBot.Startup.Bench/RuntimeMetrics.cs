using System.Globalization;

namespace LymphBot.Startup.Bench;

/// <summary>The GC's figures from the host's Prometheus text (the runtime's <c>System.Runtime</c> meter), in bytes.</summary>
internal sealed record RuntimeMetrics(long HeapSize, long Committed, long Collections, long Allocated)
{
    public static RuntimeMetrics Parse(string prometheus)
    {
        // "name{labels} value": summed over the labels (the heap size is reported per generation).
        var sums = prometheus.Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => (Name: line[..line.IndexOfAny(['{', ' '])], Value: double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture)))
            .GroupBy(m => m.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Sum(m => m.Value), StringComparer.Ordinal);
        long Get(string name) => sums.TryGetValue(name, out var value) ? value : -1;
        return new RuntimeMetrics(
            Get("dotnet_gc_last_collection_heap_size_bytes"),
            Get("dotnet_gc_last_collection_memory_committed_size_bytes"),
            Get("dotnet_gc_collections_total"),
            Get("dotnet_gc_heap_total_allocated_bytes_total"));
    }
}
