using LymphBot.Core.Commands;
using LymphBot.Discord.SlashCommands;
using LymphBot.Discord.Tests.TestSupport;
using LymphBot.Discord.Wire;

namespace LymphBot.Discord.Tests.SlashCommands;

public sealed class SlashCommandCatalogTests
{
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
        Assert.Equal("8192", built[3].DefaultMemberPermissions);
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
}
