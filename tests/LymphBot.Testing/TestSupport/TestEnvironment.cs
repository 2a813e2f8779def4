namespace LymphBot.Testing.TestSupport;

/// <summary>
/// Decides whether a test that needs something outside the repository skips or fails: on a user's machine it
/// skips with the reason; under CI (<c>CI=true</c>) a missing dependency is a failure, never a skip.
/// </summary>
public static class TestEnvironment
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Require(bool available, string reason)
    {
        if (available)
        {
            return;
        }

        if (IsCi)
        {
            throw new InvalidOperationException($"CI=true but a test dependency is missing: {reason}");
        }

        Skip.If(true, reason);
    }

    /// <summary>Returns the path of a file or folder under <c>../shared</c>, skipping (or failing under CI) when absent.</summary>
    public static string RequireShared(string relativePath)
    {
        var path = Path.Combine(RepositoryPaths.Shared, relativePath);
        Require(File.Exists(path) || Directory.Exists(path), $"../shared/{relativePath} is not present (it exists in the developers' workspace and CI only)");
        return path;
    }
}
