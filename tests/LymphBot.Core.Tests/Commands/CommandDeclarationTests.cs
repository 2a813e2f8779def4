using System.Text.RegularExpressions;
using LymphBot.Core.Commands;
using LymphBot.Testing.Conversations;

namespace LymphBot.Core.Tests.Commands;

/// <summary>
/// Every registered command's declaration is one both platforms take (Discord's and Telegram's name and length
/// limits, required before optional) and one Core's parser agrees with: each example in <c>/help</c>, and each
/// parameter's example values in every form, parse.
/// </summary>
public sealed partial class CommandDeclarationTests
{
    public static TheoryData<string> Commands => [.. EveryCommand.Specs().Select(s => s.Name)];

    [Fact]
    public void EveryCommand_IsRegistered()
    {
        Assert.Equal(
            ["ask", "dashboard", "forgetme", "help", "kb", "mydata", "program", "progress", "remind", "reminders", "start", "timezone", "tip", "tips"],
            EveryCommand.Specs().Select(s => s.Name));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Declaration_FitsBothPlatformsLimits(string name)
    {
        var spec = Spec(name);
        Assert.Matches(PlatformName(), spec.Name);
        Assert.InRange(spec.Description.Length, 3, 100);
        Assert.True(spec.Subcommands.Count == 0 || spec.Parameters.Count == 0, "Discord takes subcommands or options, not both");
        Assert.True(spec.DefaultSubcommand is null || spec.FindSubcommand(spec.DefaultSubcommand) is not null, "the default subcommand exists");
        foreach (var sub in spec.Subcommands)
        {
            Assert.Matches(PlatformName(), sub.Name);
            Assert.InRange(sub.Description.Length, 1, 100);
        }

        foreach (var parameters in Forms(spec).Select(f => f.Parameters))
        {
            Assert.InRange(parameters.Count, 0, 25);
            Assert.True(parameters.SkipWhile(p => p.Required).All(p => !p.Required), $"/{name}: required parameters come first");
            Assert.True(parameters.SkipLast(1).All(p => p.Kind != ParameterKind.Text), $"/{name}: only the last parameter is free text");
            foreach (var parameter in parameters)
            {
                Assert.Matches(PlatformName(), parameter.Name);
                Assert.InRange(parameter.Description.Length, 1, 100);
                Assert.True(parameter.Kind != ParameterKind.Choice || parameter.Choices.Count is > 0 and <= 25, $"/{name} {parameter.Name}: choices");
                Assert.True(parameter.Examples.Count > 0, $"/{name} {parameter.Name} has no example value");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void EveryExampleInHelp_IsAcceptedByTheParser(string name)
    {
        var spec = Spec(name);
        foreach (var example in spec.Examples)
        {
            Assert.StartsWith($"/{name}", example, StringComparison.Ordinal);
            var parse = CommandGrammar.Parse(spec, CommandText.Parse(example).Arguments);
            Assert.True(parse.Invocation is not null, $"{example}: {parse.Error}");
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void EveryFormWithEveryExampleValue_IsAcceptedAndReadBack(string name)
    {
        var spec = Spec(name);
        foreach (var (subcommand, parameters) in Forms(spec))
        {
            // Every prefix that holds the required parameters (they come first), each value of its last parameter.
            for (var given = parameters.Count(p => p.Required); given <= parameters.Count; given++)
            {
                var used = parameters.Take(given).ToList();
                foreach (var value in used.Count == 0 ? [string.Empty] : used[^1].Examples)
                {
                    var words = used.Select((p, i) => i == used.Count - 1 ? value : p.Examples[0]);
                    var arguments = string.Join(' ', (subcommand is null ? [] : new[] { subcommand }).Concat(words));
                    var parse = CommandGrammar.Parse(spec, arguments);
                    Assert.True(parse.Invocation is not null, $"/{name} {arguments}: {parse.Error}");
                    Assert.Equal(subcommand, parse.Invocation.Subcommand);
                    Assert.All(used, p => Assert.True(parse.Invocation.Has(p.Name), $"/{name} {arguments}: {p.Name} not read"));
                }
            }
        }
    }

    private static CommandSpec Spec(string name) => EveryCommand.Specs().Single(s => s.Name == name);

    private static IEnumerable<(string? Subcommand, IReadOnlyList<CommandParameter> Parameters)> Forms(CommandSpec spec) =>
        spec.Subcommands.Count == 0 ? [(null, spec.Parameters)] : spec.Subcommands.Select(s => ((string?)s.Name, s.Parameters));

    /// <summary>Telegram: 1-32 of a-z, 0-9 and _; Discord's rule is wider, so this one fits both.</summary>
    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex PlatformName();
}
