using System.Text.Json.Nodes;
using LymphBot.Telegram.Tests.StandIn;

namespace LymphBot.Telegram.Tests.TestSupport;

/// <summary>
/// Updates a broken or hostile Bot API server could send, each carrying words a member wrote (and one the bot's token)
/// that must never reach the log. Most cannot be read and are skipped; two read as updates the bot has no use for.
/// </summary>
public static class MalformedUpdates
{
    public const string PrivateWords = "my private question about my health";

    private static readonly Dictionary<string, (Func<JsonNode?> Make, bool WithId, bool Readable)> Catalogue = new()
    {
        ["message without chat"] = (() => Without(Text(), "message", "chat"), true, false),
        ["callback without from"] = (() => Without(TestUpdates.Callback(6001, 6001, "more:1"), "callback_query", "from"), true, false),
        ["unknown member status"] = (() => MemberStatus("guest"), true, false),
        ["text where a number belongs"] = (() => Set(Text(), "message_id", "abc"), true, false),
        ["date out of range"] = (() => Set(Text(), "date", 99_999_999_999_999), true, false),
        ["date as text"] = (() => Set(Text(), "date", "yesterday"), true, false),
        ["update_id as text"] = (() => new JsonObject { ["update_id"] = "9", ["message"] = Text()["message"]!.DeepClone() }, false, false),
        ["no update_id"] = (() => Text(), false, false),
        ["number instead of an update"] = (() => JsonValue.Create(42), false, false),
        ["array instead of an update"] = (() => new JsonArray(PrivateWords), false, false),
        ["null instead of an update"] = (() => null, false, false),
        ["null message"] = (() => new JsonObject { ["message"] = null }, true, true),
        ["unknown update type"] = (() => new JsonObject { ["brand_new_update"] = new JsonObject { ["text"] = PrivateWords } }, true, true),
    };

    public static TheoryData<string> Kinds => [.. Catalogue.Keys];

    public static IReadOnlyList<string> AllKinds => [.. Catalogue.Keys];

    /// <summary>How many of the kinds the bot cannot read, so skips and counts them.</summary>
    public static int Unreadable => Catalogue.Values.Count(k => !k.Readable);

    public static bool IsReadable(string kind) => Catalogue[kind].Readable;

    /// <summary>The update as JSON; <c>WithId</c> says whether the stand-in should give it an update_id.</summary>
    public static (JsonNode? Json, bool WithId) Make(string kind) => (Catalogue[kind].Make(), Catalogue[kind].WithId);

    private static JsonObject Text() => TestUpdates.PrivateText(6001, $"{PrivateWords} {TelegramStandIn.Token}");

    private static JsonObject MemberStatus(string status)
    {
        var update = TestUpdates.MyChatMember(6001, "member", "member");
        update["my_chat_member"]!["new_chat_member"]!["status"] = status;
        update["my_chat_member"]!["from"]!["first_name"] = PrivateWords;
        return update;
    }

    private static JsonObject Without(JsonObject update, string part, string field)
    {
        update[part]!.AsObject().Remove(field);
        return update;
    }

    private static JsonObject Set(JsonObject update, string field, JsonNode value)
    {
        update["message"]![field] = value;
        return update;
    }
}
