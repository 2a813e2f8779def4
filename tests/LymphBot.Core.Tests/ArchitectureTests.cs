using System.Xml.Linq;
using LymphBot.Core.Chat;
using LymphBot.Core.Tests.TestSupport;

namespace LymphBot.Core.Tests;

/// <summary>Dependencies point inward: Core knows no platform, scheduler or database (DESIGN.md §2).</summary>
public sealed class ArchitectureTests
{
    private static readonly string[] Forbidden = ["Telegram", "Discord", "Quartz", "Sqlite", "Npgsql", "EntityFramework", "FluentMigrator", "Dapper"];

    [Fact]
    public void CoreAssembly_ReferencesNoPlatformSchedulerOrDatabaseAssembly()
    {
        var references = typeof(ChatAddress).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();

        Assert.NotEmpty(references);
        Assert.DoesNotContain(references, name => Forbidden.Any(f => name.Contains(f, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void CoreProject_ReferencesNoPlatformSchedulerOrDatabasePackageOrProject()
    {
        var project = XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "LymphBot.Core", "LymphBot.Core.csproj"));

        var references = project.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference")
            .Select(e => e.Attribute("Include")?.Value ?? string.Empty)
            .ToList();

        Assert.DoesNotContain(references, name => Forbidden.Any(f => name.Contains(f, StringComparison.OrdinalIgnoreCase)));
    }
}
