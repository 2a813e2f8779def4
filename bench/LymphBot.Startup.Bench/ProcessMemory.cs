using System.Globalization;

namespace LymphBot.Startup.Bench;

/// <summary>
/// A process's memory as Linux counts it, in bytes: working set (<c>VmRSS</c>) and its anonymous, file-backed and
/// shared-memory parts (the runtime maps JIT code twice through a memfd, W^X), the peak working set (<c>VmHWM</c>),
/// and private memory (pages only this process maps: <c>Private_Clean + Private_Dirty</c> of <c>smaps_rollup</c>;
/// framework pages other .NET processes also map are not in it).
/// </summary>
internal sealed record ProcessMemory(long WorkingSet, long Anonymous, long FileBacked, long Shared, long Peak, long Private, long Proportional)
{
    public static ProcessMemory Read(int processId)
    {
        var status = Fields($"/proc/{processId}/status");
        var rollup = Fields($"/proc/{processId}/smaps_rollup");
        return new ProcessMemory(
            status["VmRSS"],
            status["RssAnon"],
            status["RssFile"],
            status["RssShmem"],
            status["VmHWM"],
            rollup["Private_Clean"] + rollup["Private_Dirty"],
            rollup["Pss"]);
    }

    /// <summary>"Name:   1234 kB" lines as bytes by name.</summary>
    private static Dictionary<string, long> Fields(string path) =>
        File.ReadLines(path)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[1].TrimEnd().EndsWith(" kB", StringComparison.Ordinal))
            .ToDictionary(parts => parts[0], parts => 1024 * long.Parse(parts[1].Trim()[..^3].Trim(), CultureInfo.InvariantCulture), StringComparer.Ordinal);
}
