using System.Text.RegularExpressions;
using LymphBot.Core.Commands;
using LymphBot.Testing.Conversations;
using LymphBot.Testing.TestSupport;

namespace LymphBot.Core.Tests.Commands;

/// <summary>The README's command table lists every form of every command as the declarations generate it, for the right audience.</summary>
public sealed partial class ReadmeCommandTableTests
{
    [Fact]
    public void CommandTable_ListsEveryDeclaredForm_WithItsAudience()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var section = readme[readme.IndexOf("## Chat commands", StringComparison.Ordinal)..];
        var rows = Row().Matches(section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)])
            .ToDictionary(m => m.Groups["form"].Value.Replace("\\|", "|", StringComparison.Ordinal), m => m.Groups["who"].Value.Trim());

        var declared = EveryCommand.Specs().SelectMany(spec => spec.Subcommands.Count == 0
            ? [(Form: spec.UsageLines[0], Audience: spec.Audience)]
            : spec.Subcommands.Select((sub, i) => (Form: spec.UsageLines[i], Audience: spec.AudienceOf(sub.Name)))).ToList();

        Assert.Equal(declared.Select(d => d.Form).Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        Assert.All(declared, d => Assert.StartsWith(d.Audience == CommandAudience.Moderators ? "moderators" : "everyone", rows[d.Form], StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^\| `(?<form>/[^`]+)` \|(?<who>[^|]+)\|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
