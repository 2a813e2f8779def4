using System.Text.RegularExpressions;
using LymphBot.Core.Commands;
using LymphBot.Discord.Wire;

namespace LymphBot.Discord.SlashCommands;

/// <summary>
/// Discord's command set, generated from Core's declarations: subcommands as type-1 options, ids and counts as
/// integer options, fixed words as choices. Moderator commands are shown to members with MANAGE_MESSAGES by
/// default; Core checks the sender again when they run, per subcommand.
/// </summary>
internal static partial class SlashCommandCatalog
{
    public const int MaxDescriptionLength = 100;

    /// <summary>
    /// MANAGE_MESSAGES (1 &lt;&lt; 13). Sent as a number: Discord's OpenAPI description types this request field as an integer
    /// (its reference writes permission sets as strings, and it answers with one), so a body checked against the
    /// description passes and Discord takes it either way.
    /// </summary>
    public const long ModeratorPermissions = 1L << 13;

    /// <summary>Discord's limit on an integer option's bounds (2^53), beyond which it refuses the command.</summary>
    private const long MaxSafeInteger = 9_007_199_254_740_991;

    /// <summary>The body of one bulk overwrite. Global commands say where they work (servers, and DMs for member commands).</summary>
    public static List<ApplicationCommand> Build(IEnumerable<CommandSpec> specs, bool global)
    {
        var result = new List<ApplicationCommand>();
        foreach (var spec in specs)
        {
            var name = spec.Name.ToLowerInvariant();
            if (!ValidName().IsMatch(name))
            {
                continue;
            }

            var moderators = spec.Audience == CommandAudience.Moderators;
            result.Add(new ApplicationCommand
            {
                Name = name,
                Description = Shorten(spec.Description),
                Options = spec.Subcommands.Count > 0
                    ? [.. spec.Subcommands.Select(s => new ApplicationCommandOption
                    {
                        Type = ApplicationCommandOption.SubCommand,
                        Name = s.Name,
                        Description = Shorten(s.Description),
                        Options = Options(s.Parameters),
                    })]
                    : Options(spec.Parameters),
                DefaultMemberPermissions = moderators ? ModeratorPermissions : null,

                // Member commands also work where a member installed the app for themselves (user install): in DMs and
                // servers without the bot. Moderator commands act on a server's chat, so only there.
                Contexts = global ? (moderators ? [0] : [0, 1, 2]) : null,
                IntegrationTypes = global ? (moderators ? [0] : [0, 1]) : null,
            });
        }

        return result;
    }

    private static List<ApplicationCommandOption> Options(IReadOnlyList<CommandParameter> parameters) =>
        [.. parameters.Where(p => p.Advertised).Select(Option)];

    private static ApplicationCommandOption Option(CommandParameter parameter)
    {
        var integer = parameter.Kind is ParameterKind.Id or ParameterKind.Count;
        return new ApplicationCommandOption
        {
            Type = integer ? ApplicationCommandOption.Integer : ApplicationCommandOption.String,
            Name = parameter.Name,
            Description = Shorten(parameter.Description),
            Required = parameter.Required,
            Choices = parameter.Kind == ParameterKind.Choice ? [.. parameter.Choices.Select(c => new ApplicationCommandOptionChoice(c, c))] : null,
            MinValue = integer ? parameter.Min : null,
            MaxValue = integer ? Math.Min(parameter.Max, MaxSafeInteger) : null,
            Autocomplete = parameter.SuggestFrom is not null && parameter.Kind != ParameterKind.Choice ? true : null,
        };
    }

    private static string Shorten(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return "-";
        }

        return trimmed.Length <= MaxDescriptionLength ? trimmed : trimmed[..(MaxDescriptionLength - 1)] + "…";
    }

    [GeneratedRegex(@"^[-_'\p{L}\p{N}]{1,32}$")]
    private static partial Regex ValidName();
}
