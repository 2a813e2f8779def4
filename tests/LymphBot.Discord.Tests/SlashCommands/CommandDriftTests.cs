using System.Text.Json;
using System.Text.Json.Nodes;
using LymphBot.Core.Commands;
using LymphBot.Discord.Gateway;
using LymphBot.Discord.Mapping;
using LymphBot.Discord.SlashCommands;
using LymphBot.Discord.Tests.TestSupport;
using LymphBot.Discord.Wire;
using LymphBot.Testing.Conversations;

namespace LymphBot.Discord.Tests.SlashCommands;

/// <summary>
/// Walks the command set we register with Discord, generated from every Core command, and sends each advertised
/// subcommand and option back as Discord would (an interaction payload, values typed as Discord types them): Core's
/// parser must accept every one and read every option, so the two cannot drift apart again.
/// </summary>
public sealed class CommandDriftTests
{
    private static readonly BotIdentity Self = new(Payloads.BotId, Payloads.BotName, Payloads.ApplicationId);

    [Fact]
    public void EveryAdvertisedSubcommandAndOption_IsAcceptedByCore()
    {
        var specs = EveryCommand.Specs();
        var registered = SlashCommandCatalog.Build(specs, global: true);
        Assert.Equal(specs.Select(s => s.Name), registered.Select(c => c.Name));

        var checkedForms = 0;
        foreach (var command in registered)
        {
            var spec = specs.Single(s => s.Name == command.Name);
            var forms = command.Options is [{ Type: ApplicationCommandOption.SubCommand }, ..]
                ? command.Options.Select(o => ((string?)o.Name, o.Options ?? []))
                : [((string?)null, command.Options ?? [])];
            foreach (var (subcommand, options) in forms)
            {
                var parameters = subcommand is null ? spec.Parameters : spec.FindSubcommand(subcommand)!.Parameters;
                foreach (var chosen in Fillings(options, parameters))
                {
                    var invocation = ParseAsCore(spec, command.Name, subcommand, chosen);
                    Assert.Equal(subcommand, invocation.Subcommand);
                    Assert.All(chosen, o => Assert.True(invocation.Has(o.Name), $"/{command.Name} {subcommand} {o.Name} was not read"));
                    checkedForms++;
                }
            }
        }

        Assert.True(checkedForms > 30, $"only {checkedForms} forms were walked");
    }

    [Fact]
    public void IntegerOptions_AreCoreIds_AndChoicesAreCoreChoices()
    {
        var specs = EveryCommand.Specs();
        var remind = SlashCommandCatalog.Build(specs, global: true).Single(c => c.Name == "remind");

        Assert.Equal(["add", "edit", "list", "off", "pause", "resume", "rest", "nag"], remind.Options!.Select(o => o.Name));
        var rest = remind.Options!.Single(o => o.Name == "rest").Options!;
        Assert.Equal(
            [("reminder", ApplicationCommandOption.Integer, (bool?)true), ("date", ApplicationCommandOption.String, true), ("cancel", ApplicationCommandOption.String, false)],
            rest.Select(o => (o.Name, o.Type, o.Required)));
        Assert.Equal(["off"], rest.Single(o => o.Name == "cancel").Choices!.Select(c => c.Value));
        var progress = SlashCommandCatalog.Build(specs, global: true).Single(c => c.Name == "progress");
        Assert.Equal(["show", "weekly"], progress.Options!.Select(o => o.Name));
        Assert.Equal([("setting", ApplicationCommandOption.String, (bool?)true)], progress.Options!.Single(o => o.Name == "weekly").Options!.Select(o => (o.Name, o.Type, o.Required)));
        var pause = remind.Options!.Single(o => o.Name == "pause").Options!;
        Assert.Equal([("reminder", ApplicationCommandOption.Integer, (bool?)true), ("days", ApplicationCommandOption.Integer, false)], pause.Select(o => (o.Name, o.Type, o.Required)));
        Assert.Equal([true, null], pause.Select(o => o.Autocomplete));
        var zone = SlashCommandCatalog.Build(specs, global: true).Single(c => c.Name == "timezone").Options!.Single();
        Assert.Equal((ApplicationCommandOption.String, (bool?)true), (zone.Type, zone.Autocomplete));
        var kb = SlashCommandCatalog.Build(specs, global: true).Single(c => c.Name == "kb");
        Assert.Null(kb.Options!.Single(o => o.Name == "suggestions").Options![0].Autocomplete);
        Assert.Equal(["approve", "reject"], kb.Options!.Single(o => o.Name == "suggestions").Options![0].Choices!.Select(c => c.Value));
    }

    /// <summary>The required options alone, then with each optional one added in turn; every choice and example value of the last.</summary>
    private static IEnumerable<List<(string Name, JsonNode Value)>> Fillings(IReadOnlyList<ApplicationCommandOption> options, IReadOnlyList<CommandParameter> parameters)
    {
        for (var given = options.Count(o => o.Required == true); given <= options.Count; given++)
        {
            var used = options.Take(given).ToList();
            var lastValues = used.Count == 0 ? [null] : Values(used[^1], parameters);
            foreach (var last in lastValues)
            {
                yield return [.. used.Select((o, i) => (o.Name, i == used.Count - 1 ? last! : Values(o, parameters)[0]!))];
            }
        }
    }

    /// <summary>Values as a member picks them in Discord: a choice, a number in range, or text Core's declaration gives as an example.</summary>
    private static List<JsonNode?> Values(ApplicationCommandOption option, IReadOnlyList<CommandParameter> parameters)
    {
        if (option.Choices is { Count: > 0 } choices)
        {
            return [.. choices.Select(c => (JsonNode?)JsonValue.Create(c.Value))];
        }

        if (option.Type == ApplicationCommandOption.Integer)
        {
            return [JsonValue.Create(option.MinValue ?? 1)];
        }

        var parameter = parameters.Single(p => p.Name == option.Name);
        return [.. parameter.Examples.Select(e => (JsonNode?)JsonValue.Create(e))];
    }

    private static CommandInvocation ParseAsCore(CommandSpec spec, string name, string? subcommand, List<(string Name, JsonNode Value)> chosen)
    {
        // Discord sends options in the order the member filled them in: reversed here, so order cannot hide a bug.
        var values = new JsonArray([.. Enumerable.Reverse(chosen).Select(o => (JsonNode)new JsonObject
        {
            ["name"] = o.Name,
            ["type"] = o.Value.GetValueKind() == JsonValueKind.Number ? ApplicationCommandOption.Integer : ApplicationCommandOption.String,
            ["value"] = o.Value.DeepClone(),
        })]);
        var options = subcommand is null ? values : new JsonArray(new JsonObject { ["name"] = subcommand, ["type"] = ApplicationCommandOption.SubCommand, ["options"] = values });
        var payload = Payloads.SlashCommandWithOptions(name, options.ToJsonString());
        var interaction = JsonSerializer.Deserialize(Payloads.Frame("INTERACTION_CREATE", 3, payload), DiscordJsonContext.Default.GatewayFrameDiscordInteraction)!.D!;

        var message = DiscordMapping.FromInteraction(interaction, Self, n => n == spec.Name ? spec : null);
        Assert.NotNull(message);
        var parse = CommandGrammar.Parse(spec, CommandText.Parse(message.Text).Arguments);
        Assert.True(parse.Invocation is not null, $"{message.Text}: {parse.Error}");
        return parse.Invocation;
    }
}
