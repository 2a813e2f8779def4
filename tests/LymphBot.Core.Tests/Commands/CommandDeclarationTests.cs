using System.Text.RegularExpressions;
using LymphBot.Core.Commands;
using LymphBot.Testing.Conversations;

namespace LymphBot.Core.Tests.Commands;

/// <summary>
/// Every registered command's declaration is one both platforms take (Discord's and Telegram's name and length
/// limits, required before optional, Discord's counts and unique names) and one Core's parser agrees with: each
/// example in <c>/help</c>, and each parameter's example values in every form, parse.
/// </summary>
public sealed partial class CommandDeclarationTests
{
    /// <summary>Discord takes at most 100 slash commands in one scope (global, or one server).</summary>
    private const int MaxDiscordCommands = 100;

    /// <summary>Discord: at most 25 subcommands under a command, 25 options in a form and 25 choices under an option.</summary>
    private const int MaxDiscordEntries = 25;

    /// <summary>Discord: a choice's name, and a choice's value when it is text, are 1 to 100 characters.</summary>
    private const int MaxDiscordChoiceLength = 100;

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
            Assert.InRange(parameters.Count, 0, MaxDiscordEntries);
            Assert.True(parameters.SkipWhile(p => p.Required).All(p => !p.Required), $"/{name}: required parameters come first");
            Assert.True(parameters.SkipLast(1).All(p => p.Kind != ParameterKind.Text), $"/{name}: only the last parameter is free text");
            foreach (var parameter in parameters)
            {
                Assert.Matches(PlatformName(), parameter.Name);
                Assert.InRange(parameter.Description.Length, 1, 100);
                Assert.True(parameter.Kind != ParameterKind.Choice || parameter.Choices.Count is > 0 and <= MaxDiscordEntries, $"/{name} {parameter.Name}: choices");
                Assert.True(parameter.Examples.Count > 0, $"/{name} {parameter.Name} has no example value");
            }
        }
    }

    [Fact]
    public void CommandSet_FitsDiscordsCountAndHasUniqueNames()
    {
        var names = EveryCommand.Specs().Select(s => s.Name).ToList();
        Assert.InRange(names.Count, 1, MaxDiscordCommands);
        Assert.Equal(names, names.Distinct(StringComparer.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Declaration_KeepsDiscordsCountsAndUniqueNames(string name) =>
        Assert.Empty(DiscordBreaches(Spec(name)));

    [Fact]
    public void DiscordBreaches_ADeclarationBreakingEachRule_NamesEachOne()
    {
        var day = new CommandParameter("day", ParameterKind.Count, "Which day") { Min = 10, Max = 5 };
        var mode = new CommandParameter("mode", ParameterKind.Choice, "How") { Choices = ["on", "on", new string('x', 101)], Required = false };
        var spec = new CommandSpec("broken", "Breaks every rule once")
        {
            Subcommands = [.. Enumerable.Range(0, 25).Select(i => new Subcommand($"s{i}", "A verb", [])), new Subcommand("s0", "Again", [day, day, mode])],
        };

        Assert.Equal(
            [
                "/broken: 26 subcommands",
                "/broken: subcommand s0 twice",
                "/broken s0: parameter day twice",
                "/broken s0 day: range 10..5",
                "/broken s0 mode: choice on twice",
                "/broken s0 mode: choice of 101 characters",
            ],
            DiscordBreaches(spec));
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

    /// <summary>
    /// Discord's rules on a command set that the checks above leave out, each broken one named: at most 25 subcommands;
    /// names unique among the subcommands and among a form's parameters (Discord refuses the whole set otherwise);
    /// choices unique, each 1 to 100 characters (a choice is sent as both name and value); a range whose floor is not
    /// above its ceiling.
    /// </summary>
    private static List<string> DiscordBreaches(CommandSpec spec)
    {
        var breaches = new List<string>();
        if (spec.Subcommands.Count > MaxDiscordEntries)
        {
            breaches.Add($"/{spec.Name}: {spec.Subcommands.Count} subcommands");
        }

        breaches.AddRange(Repeated(spec.Subcommands.Select(s => s.Name)).Select(n => $"/{spec.Name}: subcommand {n} twice"));
        foreach (var (subcommand, parameters) in Forms(spec))
        {
            var form = subcommand is null ? $"/{spec.Name}" : $"/{spec.Name} {subcommand}";
            breaches.AddRange(Repeated(parameters.Select(p => p.Name)).Select(n => $"{form}: parameter {n} twice"));
            foreach (var parameter in parameters.DistinctBy(p => p.Name))
            {
                if (parameter.Kind is ParameterKind.Id or ParameterKind.Count && parameter.Min > parameter.Max)
                {
                    breaches.Add($"{form} {parameter.Name}: range {parameter.Min}..{parameter.Max}");
                }

                breaches.AddRange(Repeated(parameter.Choices).Select(c => $"{form} {parameter.Name}: choice {c} twice"));
                breaches.AddRange(parameter.Choices.Where(c => c.Length is 0 or > MaxDiscordChoiceLength).Select(c => $"{form} {parameter.Name}: choice of {c.Length} characters"));
            }
        }

        return breaches;
    }

    private static IEnumerable<string> Repeated(IEnumerable<string> names) =>
        names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);

    private static IEnumerable<(string? Subcommand, IReadOnlyList<CommandParameter> Parameters)> Forms(CommandSpec spec) =>
        spec.Subcommands.Count == 0 ? [(null, spec.Parameters)] : spec.Subcommands.Select(s => ((string?)s.Name, s.Parameters));

    /// <summary>Telegram: 1-32 of a-z, 0-9 and _; Discord's rule is wider, so this one fits both.</summary>
    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex PlatformName();
}
