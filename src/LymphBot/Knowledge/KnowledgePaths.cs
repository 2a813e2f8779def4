namespace LymphBot.Knowledge;

public static class KnowledgePaths
{
    public const string FolderName = "knowledge";

    /// <summary>
    /// A configured path wins (relative to the working directory). Otherwise, when the binaries sit inside a source
    /// checkout (a LymphBot.sln above them), the checkout's <c>knowledge/</c>, so edits reload live while developing;
    /// else the copy the build and publish put beside the binaries.
    /// </summary>
    public static string Resolve(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LymphBot.sln")) && Directory.Exists(Path.Combine(dir.FullName, FolderName)))
            {
                return Path.Combine(dir.FullName, FolderName);
            }
        }

        return Path.Combine(AppContext.BaseDirectory, FolderName);
    }
}
