using System.Text.RegularExpressions;
using System.Xml.Linq;
using LymphBot.Core.Chat;
using LymphBot.Testing.TestSupport;

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

    /// <summary>
    /// Scheduled posts are a feature of their own that reminders and tips both use: Scheduling knows neither, and
    /// neither knows the other (the tip of the day used to tie them in a cycle).
    /// </summary>
    [Theory]
    [InlineData("Scheduling", "Reminders")]
    [InlineData("Scheduling", "Tips")]
    [InlineData("Scheduling", "Knowledge")]
    [InlineData("Reminders", "Tips")]
    [InlineData("Tips", "Reminders")]
    public void CoreFeature_DoesNotReferenceAnother(string feature, string forbidden)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "src", "LymphBot.Core", feature);
        var offenders = Directory.EnumerateFiles(folder, "*.cs")
            .Where(file => Regex.IsMatch(File.ReadAllText(file), $@"\b(LymphBot\.Core\.)?{forbidden}\.[A-Z]"))
            .Select(Path.GetFileName)
            .ToList();

        Assert.True(offenders.Count == 0, $"{feature} must not use {forbidden}: {string.Join(", ", offenders)}");
    }
}
