using System.Globalization;
using System.Text;
using System.Text.Json;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Discord.Gateway;
using LymphBot.Discord.Wire;

namespace LymphBot.Discord.Mapping;

/// <summary>Pure translations of Discord events into Core's <see cref="IncomingMessage"/>.</summary>
internal static class DiscordMapping
{
    public const string Platform = "discord";

    /// <summary>ADMINISTRATOR, MANAGE_GUILD and MANAGE_MESSAGES: any of them makes the sender a chat administrator.</summary>
    public const ulong AdministratorPermissions = (1UL << 3) | (1UL << 5) | (1UL << 13);

    public const int ApplicationCommandInteraction = 2;
    public const int ComponentInteraction = 3;
    public const int AutocompleteInteraction = 4;

    /// <summary>Interaction contexts: a server, and the bot's own DM with the member.</summary>
    public const int GuildContext = 0;
    public const int BotDmContext = 1;

    /// <summary>The key of <c>authorizing_integration_owners</c> present when the app is installed in the server.</summary>
    public const string GuildInstall = "0";

    /// <summary>
    /// A message for the bot, or <c>null</c> when it must be ignored: our own, other bots', webhooks', system
    /// messages, and guild messages that neither mention the bot nor use a prefix command.
    /// </summary>
    public static IncomingMessage? FromMessage(DiscordMessage message, BotIdentity self, bool messageContent)
    {
        var author = message.Author;
        if (author is null || author.Id == self.UserId || author.Bot || message.WebhookId is not null
            || message.Type is not (0 or 19) || message.ChannelId.Length == 0)
        {
            return null;
        }

        var isDirect = message.GuildId is null;
        var text = StripLeadingMention(message.Content ?? string.Empty, self.UserId, out var mentionedFirst);
        var addressesBot = isDirect || mentionedFirst
            || message.Mentions?.Any(u => u.Id == self.UserId) == true
            || message.ReferencedMessage?.Author?.Id == self.UserId;

        if (!isDirect && messageContent && text.Length > 1 && text[0] == '!' && char.IsLetter(text[1]))
        {
            text = "/" + text[1..];
        }

        if (!isDirect && !addressesBot && !text.StartsWith('/'))
        {
            return null;
        }

        return new IncomingMessage(
            new ChatAddress(Platform, message.ChannelId),
            ToChatUser(author),
            text,
            isDirect ? ChatKind.Direct : ChatKind.Group,
            addressesBot,
            self.Username)
        {
            Facts = Facts(message.Member),
            DirectChat = new ChatAddress(Platform, DiscordChatPlatform.UserPrefix + author.Id),
        };
    }

    /// <summary>A slash command as <c>/name arg1 arg2</c>, or a button press as its data; <c>null</c> for other interactions.</summary>
    public static IncomingMessage? FromInteraction(DiscordInteraction interaction, BotIdentity self, Func<string, CommandSpec?> specs)
    {
        var user = interaction.Member?.User ?? interaction.User;
        if (user is null || interaction.ChannelId is not { Length: > 0 } channelId || interaction.Data is not { } data)
        {
            return null;
        }

        string text;
        string? buttonData = null;
        switch (interaction.Type)
        {
            case ApplicationCommandInteraction or AutocompleteInteraction when data.Type is null or 1 && data.Name is { Length: > 0 } name:
                text = CommandText(name, data.Options, specs(name));
                break;
            case ComponentInteraction when data.CustomId is { Length: > 0 } customId:
                text = string.Empty;
                buttonData = customId;
                break;
            default:
                return null;
        }

        // Used through a user install where the bot is not (another DM, a group DM, a server without the bot), the
        // channel is one the bot cannot post in: what it sends later (reminders) goes to the member's DM instead.
        var botIsThere = interaction.Context is null or BotDmContext
            || (interaction.Context == GuildContext && interaction.AuthorizingIntegrationOwners?.ContainsKey(GuildInstall) != false);
        return new IncomingMessage(
            botIsThere ? new ChatAddress(Platform, channelId) : new ChatAddress(Platform, DiscordChatPlatform.UserPrefix + user.Id),
            ToChatUser(user),
            text,
            interaction.GuildId is null || !botIsThere ? ChatKind.Direct : ChatKind.Group,
            AddressesBot: true,
            self.Username,
            buttonData)
        {
            Facts = Facts(interaction.Member),

            // An interaction's answer can be ephemeral: seen by the member alone, wherever it was used.
            RepliesPrivately = true,
            DirectChat = new ChatAddress(Platform, DiscordChatPlatform.UserPrefix + user.Id),
        };
    }

    /// <summary>
    /// Builds <c>/name subcommand v1 v2</c> with the values in the order the command declares its parameters (Discord
    /// sends them in the order the member filled them in), so Core's one parser reads every platform's input.
    /// </summary>
    public static string CommandText(string name, IReadOnlyList<DiscordInteractionOption>? options, CommandSpec? spec)
    {
        var sb = new StringBuilder("/").Append(name);
        var given = options ?? [];
        var parameters = spec?.Parameters ?? [];
        if (given is [{ Type: ApplicationCommandOption.SubCommand } sub])
        {
            sb.Append(' ').Append(sub.Name);
            given = sub.Options ?? [];
            parameters = spec?.FindSubcommand(sub.Name)?.Parameters ?? [];
        }

        foreach (var option in given.OrderBy(o => IndexOf(parameters, o.Name)))
        {
            AppendValue(sb, option);
        }

        return sb.ToString();
    }

    /// <summary>In an autocomplete interaction: the subcommand (if any), and the option being typed with its text so far.</summary>
    public static (string? Subcommand, string Option, string Typed)? Focused(DiscordInteraction interaction)
    {
        var options = interaction.Data?.Options ?? [];
        string? subcommand = null;
        if (options is [{ Type: ApplicationCommandOption.SubCommand } sub])
        {
            subcommand = sub.Name;
            options = sub.Options ?? [];
        }

        return options.FirstOrDefault(o => o.Focused == true) is { } focused
            ? (subcommand, focused.Name, focused.Value is { } v ? (v.ValueKind == JsonValueKind.String ? v.GetString() ?? string.Empty : v.GetRawText()) : string.Empty)
            : null;
    }

    public static SenderFacts Facts(DiscordMember? member)
    {
        if (member is null)
        {
            return SenderFacts.None;
        }

        var isAdmin = ulong.TryParse(member.Permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var permissions)
            && (permissions & AdministratorPermissions) != 0;
        return new SenderFacts(isAdmin, member.Roles ?? []);
    }

    public static ChatUser ToChatUser(DiscordUser user) =>
        new(Platform, user.Id, user.GlobalName is { Length: > 0 } global ? global : user.Username ?? user.Id);

    /// <summary>Removes a leading <c>&lt;@id&gt;</c> or <c>&lt;@!id&gt;</c> mention of the bot.</summary>
    public static string StripLeadingMention(string text, string botId, out bool stripped)
    {
        var trimmed = text.TrimStart();
        foreach (var prefix in (ReadOnlySpan<string>)["<@", "<@!"])
        {
            var mention = prefix + botId + ">";
            if (trimmed.StartsWith(mention, StringComparison.Ordinal))
            {
                stripped = true;
                return trimmed[mention.Length..].TrimStart();
            }
        }

        stripped = false;
        return text;
    }

    private static int IndexOf(IReadOnlyList<CommandParameter> parameters, string name)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Name == name)
            {
                return i;
            }
        }

        return parameters.Count;
    }

    private static void AppendValue(StringBuilder sb, DiscordInteractionOption option)
    {
        if (option.Value is not { } value)
        {
            return;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        if (!string.IsNullOrWhiteSpace(text))
        {
            sb.Append(' ').Append(text.Trim());
        }
    }
}
