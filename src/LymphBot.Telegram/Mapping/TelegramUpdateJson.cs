using System.Text;
using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace LymphBot.Telegram.Mapping;

/// <summary>
/// Reads updates one by one, so that one the client cannot parse (a new member status, a field of an unexpected type,
/// a date out of range) is skipped instead of failing the whole getUpdates response; and describes an unreadable one
/// for the log without anything a member wrote or any secret.
/// </summary>
public static class TelegramUpdateJson
{
    private const int MaxKeyLength = 32;
    private const int MaxProblemLength = 200;

    // Bot API enumerations (chat type, member status, entity type) are short snake_case words: safe and useful to log.
    private static readonly HashSet<string> EnumKeys = ["type", "status"];

    public static TelegramUpdateRead Read(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return new TelegramUpdateRead(null, null, $"a JSON {json.ValueKind.ToString().ToLowerInvariant()}, not an object");
        }

        int? id = json.TryGetProperty("update_id", out var idJson) && idJson.ValueKind == JsonValueKind.Number && idJson.TryGetInt32(out var n) && n >= 0
            ? n
            : null;
        if (id is null)
        {
            return new TelegramUpdateRead(null, null, "no update_id");
        }

        Update? update;
        try
        {
            update = json.Deserialize<Update>(JsonBotAPI.Options);
        }
        catch (Exception ex)
        {
            // Converters throw more than JsonException (a date out of range throws ArgumentOutOfRangeException). Only
            // the type and the JSON path are kept: some messages quote the value, which may be what a member wrote.
            var path = (ex as JsonException)?.Path;
            return new TelegramUpdateRead(id, null, Limit(path is null ? ex.GetType().Name : $"{ex.GetType().Name} at {path}"));
        }

        return MissingRequiredPart(update!) is { } missing
            ? new TelegramUpdateRead(id, null, missing)
            : new TelegramUpdateRead(id, update, null);
    }

    /// <summary>
    /// The JSON with its shape, keys, numbers and Bot API enumeration values, but every other string replaced by its
    /// length, cut to <paramref name="maxLength"/> characters: enough to see what broke, nothing a member wrote, no token.
    /// </summary>
    public static string Describe(JsonElement json, int maxLength)
    {
        var sb = new StringBuilder();
        Describe(json, null, sb, maxLength);
        return sb.Length <= maxLength ? sb.ToString() : sb.ToString(0, maxLength) + "…";
    }

    // The client leaves these null when Telegram omits them, though the Bot API always sends them; mapping needs them.
    private static string? MissingRequiredPart(Update update) => update switch
    {
        { Message: { Chat: null } } => "message without chat",
        { CallbackQuery: { From: null } } => "callback_query without from",
        { CallbackQuery.Message: { Chat: null } } => "callback_query.message without chat",
        { MyChatMember: { Chat: null } } => "my_chat_member without chat",
        { MyChatMember: { NewChatMember: null } } => "my_chat_member without new_chat_member",
        _ => null,
    };

    private static void Describe(JsonElement json, string? key, StringBuilder sb, int budget)
    {
        if (sb.Length > budget)
        {
            return;
        }

        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                sb.Append('{');
                var first = true;
                foreach (var property in json.EnumerateObject())
                {
                    sb.Append(first ? string.Empty : ",").Append('"').Append(SafeKey(property.Name)).Append("\":");
                    first = false;
                    Describe(property.Value, property.Name, sb, budget);
                }

                sb.Append('}');
                break;
            case JsonValueKind.Array:
                sb.Append('[');
                var index = 0;
                foreach (var item in json.EnumerateArray())
                {
                    sb.Append(index++ == 0 ? string.Empty : ",");
                    Describe(item, key, sb, budget);
                }

                sb.Append(']');
                break;
            case JsonValueKind.String:
                var value = json.GetString()!;
                sb.Append(key is not null && EnumKeys.Contains(key) && IsWord(value, MaxKeyLength)
                    ? $"\"{value}\""
                    : $"\"({value.Length} chars)\"");
                break;
            default:
                // Numbers, true, false and null: ids and dates, nothing anyone wrote.
                sb.Append(json.GetRawText());
                break;
        }
    }

    private static string SafeKey(string name) => IsWord(name, MaxKeyLength) ? name : $"({name.Length}-char key)";

    private static bool IsWord(string text, int maxLength) =>
        text.Length > 0 && text.Length <= maxLength && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static string Limit(string text) => text.Length <= MaxProblemLength ? text : text[..MaxProblemLength] + "…";
}
