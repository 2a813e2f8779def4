using System.Text.RegularExpressions;
using LymphBot.Core.Commands;
using LymphBot.Discord.Wire;

namespace LymphBot.Discord.SlashCommands;

/// <summary>
/// Builds Discord's command set from Core's commands. Known commands get named options (in the order Core's
/// grammar reads them); any other gets one optional <c>arguments</c> string. Moderator commands are shown to
/// members with MANAGE_MESSAGES by default; Core checks the sender again when they run.
/// </summary>
internal static partial class SlashCommandCatalog
{
    public const int MaxDescriptionLength = 100;

    /// <summary>MANAGE_MESSAGES, as Discord wants it: a decimal string.</summary>
    public const string ModeratorPermissions = "8192";

    private static readonly Dictionary<string, SlashOption[]> Known = new(StringComparer.Ordinal)
    {
        ["ask"] = [new("question", "Your question, for example: does it help with swelling?", Required: true)],
        ["faq"] = [new("topic", "A topic, for example: techniques")],
        ["remind"] = [new("time", "When, for example 8:00, or off, list, pause, resume", Required: true), new("zone", "Your time zone, for example Europe/Berlin")],
        ["timezone"] = [new("zone", "Your time zone, for example Europe/Berlin")],
        ["tip"] = [new("action", "What to do, for example add, approve or post"), new("text", "The tip's text or id")],
        ["help"] = [new("command", "A command to explain, for example remind")],
    };

    private static readonly SlashOption[] Arguments = [new("arguments", "Anything after the command")];

    public static IReadOnlyList<SlashOption> OptionsFor(string command) =>
        Known.TryGetValue(command, out var options) ? options : Arguments;

    /// <summary>The body of one bulk overwrite. Global commands say where they work (servers, and DMs for member commands).</summary>
    public static List<ApplicationCommand> Build(IEnumerable<IChatCommand> commands, bool global)
    {
        var result = new List<ApplicationCommand>();
        foreach (var command in commands)
        {
            var name = command.Name.ToLowerInvariant();
            if (!ValidName().IsMatch(name))
            {
                continue;
            }

            var moderators = command.Audience == CommandAudience.Moderators;
            result.Add(new ApplicationCommand
            {
                Name = name,
                Description = Shorten(command.Description),
                Options = [.. OptionsFor(name).Select(o => new ApplicationCommandOption { Name = o.Name, Description = Shorten(o.Description), Required = o.Required })],
                DefaultMemberPermissions = moderators ? ModeratorPermissions : null,
                Contexts = global ? (moderators ? [0] : [0, 1]) : null,
            });
        }

        return result;
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
