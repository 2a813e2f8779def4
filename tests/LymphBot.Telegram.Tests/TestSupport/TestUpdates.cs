using System.Text.Json.Nodes;
using LymphBot.Telegram.Tests.StandIn;

namespace LymphBot.Telegram.Tests.TestSupport;

/// <summary>Small Bot API update payloads written for these tests (the recorded fixtures live in ../shared).</summary>
public static class TestUpdates
{
    private static int _messageId = 500;

    public static JsonObject PrivateText(long userId, string text, string firstName = "Ada") => new()
    {
        ["message"] = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _messageId),
            ["from"] = User(userId, firstName),
            ["chat"] = new JsonObject { ["id"] = userId, ["first_name"] = firstName, ["type"] = "private" },
            ["date"] = 1_800_000_000,
            ["text"] = text,
        },
    };

    /// <summary>
    /// The service messages of a group upgraded to a supergroup: in the old group, <c>migrate_to_chat_id</c>; in the
    /// new supergroup, <c>migrate_from_chat_id</c> (as the Bot API documents them; no text, no command).
    /// </summary>
    public static JsonObject[] GroupUpgrade(long groupId, long supergroupId, long userId) =>
    [
        new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["message_id"] = Interlocked.Increment(ref _messageId),
                ["from"] = User(userId, "Grace"),
                ["chat"] = new JsonObject { ["id"] = groupId, ["title"] = "Lymph friends", ["type"] = "group" },
                ["date"] = 1_800_000_000,
                ["migrate_to_chat_id"] = supergroupId,
            },
        },
        new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["message_id"] = 1,
                ["from"] = User(1_087_968_824, "GroupAnonymousBot", isBot: true),
                ["sender_chat"] = new JsonObject { ["id"] = supergroupId, ["title"] = "Lymph friends", ["type"] = "supergroup" },
                ["chat"] = new JsonObject { ["id"] = supergroupId, ["title"] = "Lymph friends", ["type"] = "supergroup" },
                ["date"] = 1_800_000_000,
                ["migrate_from_chat_id"] = groupId,
            },
        },
    ];

    /// <summary>A supergroup message; <paramref name="topicId"/> makes it a forum-topic message.</summary>
    public static JsonObject GroupText(long chatId, long userId, string text, int? topicId = null, bool replyToBot = false, JsonArray? entities = null)
    {
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _messageId),
            ["from"] = User(userId, "Grace"),
            ["chat"] = new JsonObject { ["id"] = chatId, ["title"] = "Lymph friends", ["type"] = "supergroup", ["is_forum"] = topicId is not null },
            ["date"] = 1_800_000_000,
            ["text"] = text,
        };
        if (topicId is { } topic)
        {
            message["message_thread_id"] = topic;
            message["is_topic_message"] = true;
        }

        if (replyToBot)
        {
            message["reply_to_message"] = new JsonObject
            {
                ["message_id"] = 7,
                ["from"] = User(TelegramStandIn.BotId, "LymphBot", isBot: true),
                ["chat"] = new JsonObject { ["id"] = chatId, ["title"] = "Lymph friends", ["type"] = "supergroup" },
                ["date"] = 1_799_999_000,
                ["text"] = "An earlier answer",
            };
        }

        message["entities"] = entities ?? MentionEntities(text);
        return new JsonObject { ["message"] = message };
    }

    /// <summary>A press of a button under the bot's message <paramref name="messageId"/> (9 unless given).</summary>
    public static JsonObject Callback(long chatId, long userId, string data, int messageId = 9) => new()
    {
        ["callback_query"] = new JsonObject
        {
            ["id"] = "cbq-" + Interlocked.Increment(ref _messageId),
            ["from"] = User(userId, "Ada"),
            ["chat_instance"] = "42",
            ["data"] = data,
            ["message"] = new JsonObject
            {
                ["message_id"] = messageId,
                ["from"] = User(TelegramStandIn.BotId, "LymphBot", isBot: true),
                ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId > 0 ? "private" : "supergroup" },
                ["date"] = 1_800_000_000,
                ["text"] = "You asked: something",
            },
        },
    };

    /// <summary>
    /// A shared location, as Telegram sends it: a message with <c>location</c> and no text; in a group, optionally as
    /// a reply to one of the bot's messages.
    /// </summary>
    public static JsonObject Location(long chatId, long userId, double latitude, double longitude, bool replyToBot = false)
    {
        var chat = new JsonObject { ["id"] = chatId, ["type"] = chatId > 0 ? "private" : "supergroup" };
        if (chatId > 0)
        {
            chat["first_name"] = "Ada";
        }
        else
        {
            chat["title"] = "Lymph friends";
        }

        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _messageId),
            ["from"] = User(userId, "Ada"),
            ["chat"] = chat,
            ["date"] = 1_800_000_000,
            ["location"] = new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude },
        };
        if (replyToBot)
        {
            message["reply_to_message"] = new JsonObject
            {
                ["message_id"] = 7,
                ["from"] = User(TelegramStandIn.BotId, "LymphBot", isBot: true),
                ["chat"] = chat.DeepClone(),
                ["date"] = 1_799_999_000,
                ["text"] = "Your time zone is UTC.",
            };
        }

        return new JsonObject { ["message"] = message };
    }

    public static JsonObject MyChatMember(long chatId, string oldStatus, string newStatus) => new()
    {
        ["my_chat_member"] = new JsonObject
        {
            ["chat"] = new JsonObject { ["id"] = chatId, ["first_name"] = "Ada", ["type"] = chatId > 0 ? "private" : "supergroup", ["title"] = chatId > 0 ? null : "Lymph friends" },
            ["from"] = User(Math.Abs(chatId), "Ada"),
            ["date"] = 1_800_000_000,
            ["old_chat_member"] = new JsonObject { ["user"] = User(TelegramStandIn.BotId, "LymphBot", isBot: true), ["status"] = oldStatus },
            ["new_chat_member"] = new JsonObject { ["user"] = User(TelegramStandIn.BotId, "LymphBot", isBot: true), ["status"] = newStatus, ["until_date"] = 0 },
        },
    };

    private static JsonObject User(long id, string firstName, bool isBot = false)
    {
        var user = new JsonObject { ["id"] = id, ["is_bot"] = isBot, ["first_name"] = firstName };
        if (isBot)
        {
            user["username"] = TelegramStandIn.BotUsername;
        }

        return user;
    }

    // Telegram marks every @username and /command with an entity; the adapter reads mentions from them.
    private static JsonArray MentionEntities(string text)
    {
        var entities = new JsonArray();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] is '@' or '/' && (i == 0 || char.IsWhiteSpace(text[i - 1])))
            {
                var end = i + 1;
                while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '_' or '@'))
                {
                    end++;
                }

                entities.Add(new JsonObject { ["offset"] = i, ["length"] = end - i, ["type"] = text[i] == '@' ? "mention" : "bot_command" });
                i = end;
            }
            else
            {
                i++;
            }
        }

        return entities;
    }
}
