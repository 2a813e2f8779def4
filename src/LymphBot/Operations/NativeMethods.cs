using System.Runtime.InteropServices;

namespace LymphBot.Operations;

internal static class NativeMethods
{
    /// <summary>glibc: returns free memory at the top and inside every malloc arena to the operating system.</summary>
    [DllImport("libc.so.6", EntryPoint = "malloc_trim", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    internal static extern int MallocTrim(nuint pad);
}
