using LymphBot.Testing.TestSupport;

namespace LymphBot.Tests.Dashboard;

/// <summary>
/// Where the browser tests leave their screenshots, one folder per test: <c>LYMPHBOT_SCREENSHOTS</c> when set, else
/// <c>tests/LymphBot.Tests/TestResults/screenshots</c> (ignored by git; <c>.ci/run</c> copies it to its artifacts folder).
/// </summary>
public static class Screenshots
{
    public const string Variable = "LYMPHBOT_SCREENSHOTS";

    public static string Root => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.Combine(RepositoryPaths.Root, "tests", "LymphBot.Tests", "TestResults", "screenshots");

    /// <summary>The test's own folder, emptied of an earlier run's pictures.</summary>
    public static string For(string test)
    {
        var folder = Path.Combine(Root, test);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Directory.CreateDirectory(folder).FullName;
    }
}
