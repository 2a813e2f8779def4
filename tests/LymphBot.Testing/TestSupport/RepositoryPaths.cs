namespace LymphBot.Testing.TestSupport;

/// <summary>Finds the repository, its build outputs and the optional <c>../shared</c> folder from the test's own location.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    public static string Root => RootLazy.Value;

    /// <summary><c>../shared</c> next to the repository: present here and in CI, absent on a user's machine.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>The build configuration the tests were built with (Debug or Release); the host was built alongside.</summary>
    public static string Configuration =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string HostAssembly =>
        Path.Combine(Root, "src", "LymphBot", "bin", Configuration, "net10.0", "LymphBot.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LymphBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find LymphBot.sln above " + AppContext.BaseDirectory);
    }
}
