namespace LymphBot.Operations;

/// <summary>How much work the process has done since it started: managed bytes allocated and methods JIT-compiled.</summary>
public readonly record struct ProcessActivity(long AllocatedBytes, long CompiledMethods)
{
    public static ProcessActivity Read() => new(GC.GetTotalAllocatedBytes(precise: false), System.Runtime.JitInfo.GetCompiledMethodCount());

    public static ProcessActivity operator -(ProcessActivity later, ProcessActivity earlier) =>
        new(later.AllocatedBytes - earlier.AllocatedBytes, later.CompiledMethods - earlier.CompiledMethods);

    public static ProcessActivity Subtract(ProcessActivity later, ProcessActivity earlier) => later - earlier;
}
