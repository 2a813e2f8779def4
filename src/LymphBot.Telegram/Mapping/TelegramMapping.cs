using System.Globalization;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace LymphBot.Telegram.Mapping;

/// <summary>
/// Pure translations from Telegram updates to Core's platform-free types. The adapter reports facts (who, where,
/// whether the bot is addressed); Core decides what they mean.
/// </summary>
public static class TelegramMapping
{
    public const string Platform = "telegram";

    /// <summary>Telegram's limit on a command description in setMyCommands.</summary>
    private const int MaxCommandDescription = 256;

    public static ChatAddress ToAddress(long chatId, int? threadId = null) =>
        new(Platform, chatId.ToString(CultureInfo.InvariantCulture), threadId?.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// A text message, or a shared location (a venue's too), in a private chat, group or supergroup; <c>null</c> for
    /// anything the bot does not read. Only private chats can show the button that shares a location.
    /// </summary>
    public static IncomingMessage? ToIncomingMessage(Message message, TelegramBotUser bot)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(bot);
        if (message.From is not { } from || from.IsBot || KindOf(message.Chat.Type) is not { } kind)
        {
            return null;
        }

        if (message.Text is { } text)
        {
            var addressesBot = MentionsBot(message, text, bot) || RepliesToBot(message, bot);
            return new IncomingMessage(AddressOf(message), ToUser(from), StripLeadingMention(text, bot.Username), kind, addressesBot, bot.Username)
            {
                CanShareLocation = kind == ChatKind.Direct,

                // A private chat's id is the user's id; the bot can write there once the member has started it.
                DirectChat = ToAddress(from.Id),
            };
        }

        // A location has no text to mention the bot in: in a group it is for the bot only as a reply to it.
        return message.Location is { } location
            ? new IncomingMessage(AddressOf(message), ToUser(from), string.Empty, kind, RepliesToBot(message, bot), bot.Username)
            {
                Location = new GeoPoint(location.Latitude, location.Longitude),
                CanShareLocation = kind == ChatKind.Direct,
            }
            : null;
    }

    /// <summary>A press of one of the bot's buttons; the reply goes to the chat of the message that carried it.</summary>
    public static IncomingMessage? ToIncomingMessage(CallbackQuery query, TelegramBotUser bot)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(bot);
        if (string.IsNullOrEmpty(query.Data))
        {
            return null;
        }

        // Buttons under inline-mode messages have no chat; the only place to answer is the user's private chat.
        if (query.Message is not { } message)
        {
            return new IncomingMessage(ToAddress(query.From.Id), ToUser(query.From), string.Empty, ChatKind.Direct, true, bot.Username, query.Data);
        }

        var kind = KindOf(message.Chat.Type) ?? ChatKind.Group;
        return new IncomingMessage(AddressOf(message), ToUser(query.From), string.Empty, kind, true, bot.Username, query.Data);
    }

    /// <summary>
    /// A group upgraded to a supergroup gets a new chat id: Telegram says so with a service message in the old group
    /// (<c>migrate_to_chat_id</c>) and one in the new supergroup (<c>migrate_from_chat_id</c>). <c>null</c> for
    /// every other message.
    /// </summary>
    public static (ChatAddress Old, ChatAddress New)? ToChatMove(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message switch
        {
            { MigrateToChatId: { } newId, Chat: { } chat } when newId != chat.Id => (ToAddress(chat.Id), ToAddress(newId)),
            { MigrateFromChatId: { } oldId, Chat: { } chat } when oldId != chat.Id => (ToAddress(oldId), ToAddress(chat.Id)),
            _ => null,
        };
    }

    /// <summary>Kicked or left means the bot can no longer post; member, administrator or owner means it can again.</summary>
    public static ReachabilityChange? ToReachabilityChange(ChatMemberUpdated update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var chat = ToAddress(update.Chat.Id);
        var isPrivate = update.Chat.Type == ChatType.Private;
        return update.NewChatMember switch
        {
            { Status: ChatMemberStatus.Kicked } => new ReachabilityChange(chat, false, isPrivate ? "The user blocked the bot." : "The bot was removed from the chat."),
            { Status: ChatMemberStatus.Left } => new ReachabilityChange(chat, false, "The bot left the chat."),
            ChatMemberRestricted { IsMember: false } => new ReachabilityChange(chat, false, "The bot was removed from the chat."),
            { Status: ChatMemberStatus.Member or ChatMemberStatus.Administrator or ChatMemberStatus.Creator or ChatMemberStatus.Restricted } =>
                new ReachabilityChange(chat, true, "The bot was added to the chat."),
            _ => null,
        };
    }

    /// <summary>The menu shown for a scope: commands for everyone, plus moderator commands for chat administrators.</summary>
    public static IReadOnlyList<BotCommand> ToBotCommands(IEnumerable<CommandSpec> commands, bool includeModeratorCommands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        return
        [
            .. commands
                .Where(c => includeModeratorCommands || c.Audience == CommandAudience.Everyone)
                .Where(c => IsValidCommandName(c.Name))
                .Select(c => new BotCommand(c.Name, Truncate(string.IsNullOrWhiteSpace(c.Description) ? c.Name : c.Description, MaxCommandDescription))),
        ];
    }

    /// <summary>The chat an update belongs to, so updates of one chat are handled in order; 0 when there is none.</summary>
    public static long ChatKeyOf(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return update.Message?.Chat.Id
            ?? update.CallbackQuery?.Message?.Chat.Id
            ?? update.CallbackQuery?.From.Id
            ?? update.MyChatMember?.Chat.Id
            ?? 0;
    }

    /// <summary>Removes a leading <c>@botname</c> (and a following comma or colon) so Core sees the question itself.</summary>
    public static string StripLeadingMention(string text, string botUsername)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(botUsername);
        var trimmed = text.TrimStart();
        var mention = "@" + botUsername;
        if (botUsername.Length == 0 || !trimmed.StartsWith(mention, StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        var rest = trimmed[mention.Length..];
        if (rest.Length > 0 && !char.IsWhiteSpace(rest[0]) && rest[0] is not (',' or ':'))
        {
            return text; // @LymphTestBotFan is someone else.
        }

        return rest.TrimStart(',', ':').Trim();
    }

    internal static bool IsValidCommandName(string name) =>
        name.Length is >= 1 and <= 32 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');

    private static ChatKind? KindOf(ChatType type) => type switch
    {
        ChatType.Private => ChatKind.Direct,
        ChatType.Group or ChatType.Supergroup => ChatKind.Group,
        _ => null,
    };

    // Only forum topics get a thread: in other supergroups message_thread_id marks a reply thread, which the bot
    // follows by replying to the message instead.
    private static ChatAddress AddressOf(Message message) =>
        ToAddress(message.Chat.Id, message.IsTopicMessage ? message.MessageThreadId : null);

    private static ChatUser ToUser(User user) =>
        new(Platform, user.Id.ToString(CultureInfo.InvariantCulture), user.FirstName ?? string.Empty);

    private static bool MentionsBot(Message message, string text, TelegramBotUser bot)
    {
        foreach (var entity in message.Entities ?? [])
        {
            if (entity.Type == MessageEntityType.TextMention && entity.User?.Id == bot.Id)
            {
                return true;
            }

            if (entity.Type == MessageEntityType.Mention && entity.Offset >= 0 && entity.Length > 1 && entity.Offset + entity.Length <= text.Length
                && string.Equals(text.Substring(entity.Offset + 1, entity.Length - 1), bot.Username, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool RepliesToBot(Message message, TelegramBotUser bot) =>
        message.ReplyToMessage is { } replied
        && replied.From?.Id == bot.Id
        // In forum topics every message "replies" to the topic's creation message; that is not a reply to the bot.
        && replied.ForumTopicCreated is null;

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
