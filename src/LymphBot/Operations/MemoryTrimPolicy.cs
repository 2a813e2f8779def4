namespace LymphBot.Operations;

/// <summary>
/// When to give memory back: once the process has gone quiet after a burst of work. Start-up, the first update from a
/// platform (Telegram.Bot builds its JSON metadata then: thousands of methods compiled at once) and a busy hour all
/// leave garbage in the older GC generations and freed JIT scratch memory in the C library's arenas, neither of which an
/// idle process would ever return. Trimming mid-burst would only pause the work, so a trim waits for a quiet interval.
/// </summary>
public static class MemoryTrimPolicy
{
    /// <summary>How often the trimmer looks at the process.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(10);

    /// <summary>An interval with less than this is quiet (idle polling and heartbeats allocate tens of KiB a second).</summary>
    public static readonly ProcessActivity QuietBelow = new(AllocatedBytes: 2L * 1024 * 1024, CompiledMethods: 50);

    /// <summary>
    /// Work since the last trim that makes another one worth its pause (about 10-20 ms for this heap). Low on purpose:
    /// an idle bot's periodic work (polls, heartbeats, code reaching tier 1) otherwise climbs about 25 KiB/s for many
    /// minutes; at this level an idle bot trims about once a minute and stays flat.
    /// </summary>
    public static readonly ProcessActivity WorthTrimmingFrom = new(AllocatedBytes: 2L * 1024 * 1024, CompiledMethods: 20);

    public static bool ShouldTrim(ProcessActivity sinceLastCheck, ProcessActivity sinceLastTrim) =>
        sinceLastCheck.AllocatedBytes < QuietBelow.AllocatedBytes
        && sinceLastCheck.CompiledMethods < QuietBelow.CompiledMethods
        && (sinceLastTrim.AllocatedBytes >= WorthTrimmingFrom.AllocatedBytes || sinceLastTrim.CompiledMethods >= WorthTrimmingFrom.CompiledMethods);
}
