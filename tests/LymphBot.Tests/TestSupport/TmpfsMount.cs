using System.Diagnostics;
using LymphBot.Testing.TestSupport;

namespace LymphBot.Tests.TestSupport;

/// <summary>
/// A small tmpfs mounted on a temporary folder: a disk that really fills up, or really turns read-only, for the
/// storage fault tests. Mounting needs root (CI runs as root); elsewhere the tests skip with the reason.
/// </summary>
public sealed class TmpfsMount : IDisposable
{
    private readonly TempDirectory _folder = new();

    private TmpfsMount(int kibibytes)
    {
        Run("mount", "-t", "tmpfs", "-o", $"size={kibibytes}k", "tmpfs", _folder.Path);
    }

    public string Path => _folder.Path;

    public string Combine(params string[] parts) => _folder.Combine(parts);

    /// <summary>Mounts a tmpfs of <paramref name="kibibytes"/>, or skips (fails under CI) where mounting is not allowed.</summary>
    public static TmpfsMount Create(int kibibytes)
    {
        TestEnvironment.Require(Environment.UserName == "root" && File.Exists("/bin/mount"), "mounting a tmpfs needs root (CI runs as root)");
        return new TmpfsMount(kibibytes);
    }

    /// <summary>Fills the file system to the last byte.</summary>
    public void Fill()
    {
        using var filler = new FileStream(Combine("filler"), FileMode.Create, FileAccess.Write);
        var block = new byte[64 * 1024];
        try
        {
            while (true)
            {
                filler.Write(block);
                filler.Flush();
            }
        }
        catch (IOException)
        {
            // No space left on device: full, as intended.
        }
    }

    public void Free() => File.Delete(Combine("filler"));

    public void RemountReadOnly() => Run("mount", "-o", "remount,ro", Path);

    public void Dispose()
    {
        Run("umount", "-l", Path);
        _folder.Dispose();
    }

    private static void Run(string command, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(command, args) { RedirectStandardError = true }) ?? throw new InvalidOperationException(command);
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', args)} failed: {error}");
        }
    }
}
