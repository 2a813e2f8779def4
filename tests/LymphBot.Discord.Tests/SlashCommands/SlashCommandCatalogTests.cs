using LymphBot.Core.Commands;
using LymphBot.Discord.SlashCommands;
using LymphBot.Discord.Tests.TestSupport;
using LymphBot.Discord.Wire;
using LymphBot.Testing.Conversations;

namespace LymphBot.Discord.Tests.SlashCommands;

public sealed class SlashCommandCatalogTests
{
    /// <summary>Discord counts a command's names, descriptions and choices together, and refuses one over 8000 characters.</summary>
    private const int MaxCommandCharacters = 8000;

    /// <summary>Discord's integer options hold whole numbers from -(2^53 - 1) to 2^53 - 1; a bound outside is refused.</summary>
    private const long MaxIntegerBound = 9_007_199_254_740_991;

    [Fact]
    public void Build_Declarations_BecomeTypedOptionsSubcommandsChoicesAndPermissions()
    {
        CommandSpec[] specs =
        [
            new("ask", "Ask") { Parameters = [new CommandParameter("question", ParameterKind.Text, "Your question")] },
            new("remind", "Remind me")
            {
                Subcommands =
                [
                    new Subcommand("add", "Add", [new CommandParameter("time", ParameterKind.TimeOfDay, "When"), new CommandParameter("zone", ParameterKind.TimeZone, "Where") { Required = false }]),
                    new Subcommand("pause", "Pause", [new CommandParameter("reminder", ParameterKind.Id, "Which"), new CommandParameter("days", ParameterKind.Count, "How long") { Required = false, Max = 365 }]),
                ],
            },
            new("start", "Hello") { Parameters = [new CommandParameter("code", ParameterKind.Text, "Link code") { Required = false, Advertised = false }] },
            new ModeratorCommand().Spec,
            new("BAD NAME", "Not a Discord name"),
        ];

        var built = SlashCommandCatalog.Build(specs, global: true);

        Assert.Equal(["ask", "remind", "start", "tip"], built.Select(c => c.Name));
        var ask = built[0];
        Assert.Equal([("question", (bool?)true, ApplicationCommandOption.String)], ask.Options!.Select(o => (o.Name, o.Required, o.Type)));
        var remind = built[1].Options!;
        Assert.Equal([("add", ApplicationCommandOption.SubCommand), ("pause", ApplicationCommandOption.SubCommand)], remind.Select(o => (o.Name, o.Type)));
        Assert.Null(remind[0].Required);
        Assert.Equal([("time", (bool?)true, ApplicationCommandOption.String), ("zone", false, ApplicationCommandOption.String)], remind[0].Options!.Select(o => (o.Name, o.Required, o.Type)));
        Assert.Equal([("reminder", ApplicationCommandOption.Integer, (long?)1, (long?)9_007_199_254_740_991), ("days", ApplicationCommandOption.Integer, 1, 365)], remind[1].Options!.Select(o => (o.Name, o.Type, o.MinValue, o.MaxValue)));
        Assert.Empty(built[2].Options!);
        Assert.Equal(["add", "approve", "post"], built[3].Options![0].Choices!.Select(c => c.Value));
        Assert.Equal(8192, built[3].DefaultMemberPermissions);
        Assert.Null(ask.DefaultMemberPermissions);
        Assert.Equal([0, 1, 2], ask.Contexts!);
        Assert.Equal([0, 1], ask.IntegrationTypes!);
        Assert.Equal([0], built[3].Contexts!);
        Assert.Equal([0], built[3].IntegrationTypes!);
        Assert.All(built, c => Assert.InRange(c.Description.Length, 1, SlashCommandCatalog.MaxDescriptionLength));
    }

    [Fact]
    public void Build_GuildScope_LeavesContextsOutAndShortensLongDescriptions()
    {
        var built = SlashCommandCatalog.Build([new CommandSpec("faq", new string('d', 150))], global: false);

        Assert.Null(built[0].Contexts);
        Assert.Null(built[0].IntegrationTypes);
        Assert.Equal(100, built[0].Description.Length);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Build_EveryCommand_KeepsDiscordsRulesOnTheBodySent(bool global) =>
        Assert.Empty(WireBreaches(SlashCommandCatalog.Build(EveryCommand.Specs(), global)));

    [Fact]
    public void WireBreaches_ACommandBreakingEachRule_NamesEachOne()
    {
        string[] words = [.. Enumerable.Range(0, 25).Select(i => $"{i:00}" + new string('w', 98))];
        var built = SlashCommandCatalog.Build(
            [
                new CommandSpec("wordy", "Too many characters in all")
                {
                    Parameters = [new CommandParameter("first", ParameterKind.Choice, "One") { Choices = words }, new CommandParameter("second", ParameterKind.Choice, "Two") { Choices = words }],
                },
                new CommandSpec("offset", "A bound Discord cannot hold") { Parameters = [new CommandParameter("by", ParameterKind.Count, "How far") { Min = long.MinValue }] },
            ],
            global: true);

        Assert.Equal(["/wordy: 10048 characters", "/offset by: bounds -9223372036854775808..9007199254740991"], WireBreaches(built));
    }

    /// <summary>
    /// Discord's rules on the body of a bulk overwrite that only the catalog decides (Core's declaration rules are in
    /// CommandDeclarationTests): at most 8000 characters per command counting every name, description, choice name
    /// and choice value; integer bounds Discord can hold, the floor not above the ceiling; choices only on text options,
    /// and never beside autocomplete.
    /// </summary>
    private static List<string> WireBreaches(IEnumerable<ApplicationCommand> commands)
    {
        var breaches = new List<string>();
        foreach (var command in commands)
        {
            var options = Flatten(command.Options ?? []).ToList();
            var characters = command.Name.Length + command.Description.Length
                + options.Sum(o => o.Name.Length + o.Description.Length + (o.Choices ?? []).Sum(c => c.Name.Length + c.Value.Length));
            if (characters > MaxCommandCharacters)
            {
                breaches.Add($"/{command.Name}: {characters} characters");
            }

            foreach (var option in options)
            {
                var where = $"/{command.Name} {option.Name}";
                if (option.MinValue is { } min && option.MaxValue is { } max && (min < -MaxIntegerBound || max > MaxIntegerBound || min > max))
                {
                    breaches.Add($"{where}: bounds {min}..{max}");
                }

                if (option.Choices is { Count: > 0 } && (option.Type != ApplicationCommandOption.String || option.Autocomplete == true))
                {
                    breaches.Add($"{where}: choices on type {option.Type}{(option.Autocomplete == true ? " with autocomplete" : string.Empty)}");
                }
            }
        }

        return breaches;
    }

    private static IEnumerable<ApplicationCommandOption> Flatten(IEnumerable<ApplicationCommandOption> options) =>
        options.SelectMany(o => new[] { o }.Concat(Flatten(o.Options ?? [])));
}
