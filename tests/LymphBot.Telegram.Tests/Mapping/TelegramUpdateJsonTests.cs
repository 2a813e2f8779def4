using System.Text.Json;
using System.Text.Json.Nodes;
using LymphBot.Telegram.Mapping;
using LymphBot.Telegram.Tests.StandIn;
using LymphBot.Telegram.Tests.TestSupport;
using Telegram.Bot.Types.Enums;

namespace LymphBot.Telegram.Tests.Mapping;

public sealed class TelegramUpdateJsonTests
{
    public static TheoryData<string, string> Problems => new()
    {
        { "message without chat", "message without chat" },
        { "callback without from", "callback_query without from" },
        { "unknown member status", "JsonException at $.my_chat_member.new_chat_member" },
        { "text where a number belongs", "JsonException at $.message.message_id" },
        { "date out of range", "ArgumentOutOfRangeException" },
        { "date as text", "JsonException at $.message.date" },
        { "update_id as text", "no update_id" },
        { "no update_id", "no update_id" },
        { "number instead of an update", "a JSON number, not an object" },
        { "array instead of an update", "a JSON array, not an object" },
        { "null instead of an update", "a JSON null, not an object" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Read_UpdateTheClientCannotUse_NamesTheProblemAndKeepsTheIdItHas(string kind, string problem)
    {
        var (json, withId) = MalformedUpdates.Make(kind);
        if (withId)
        {
            json!["update_id"] = 7001;
        }

        var read = TelegramUpdateJson.Read(Parse(json));

        Assert.Null(read.Update);
        Assert.Equal(problem, read.Problem);
        Assert.Equal(withId ? 7001 : null, read.Id);
    }

    [Theory]
    [InlineData("null message")]
    [InlineData("unknown update type")]
    public void Read_UpdateWithNothingTheBotUses_ReadsAsAnUnknownUpdate(string kind)
    {
        var (json, _) = MalformedUpdates.Make(kind);
        json!["update_id"] = 7002;

        var read = TelegramUpdateJson.Read(Parse(json));

        Assert.Equal((7002, UpdateType.Unknown, null), (read.Id, read.Update?.Type, read.Problem));
    }

    [Fact]
    public void Read_OrdinaryMessage_ReadsIt()
    {
        var json = TestUpdates.PrivateText(7003, "hello");
        json["update_id"] = 7004;

        var read = TelegramUpdateJson.Read(Parse(json));

        Assert.Equal((7004, 7003L, "hello", null), (read.Id, read.Update?.Message?.Chat.Id, read.Update?.Message?.Text, read.Problem));
    }

    [Fact]
    public void Describe_KeepsShapeNumbersAndEnumValues_HidesWhatMembersWroteAndTheToken()
    {
        var (json, _) = MalformedUpdates.Make("unknown member status");
        json!["update_id"] = 7005;
        json["my_chat_member"]!["chat"]!["title"] = TelegramStandIn.Token;
        json["my_chat_member"]!["old_chat_member"]!["status"] = TelegramStandIn.Token;
        json[TelegramStandIn.Token] = 1;

        var described = TelegramUpdateJson.Describe(Parse(json), 2000);

        Assert.Contains("\"update_id\":7005", described, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"guest\"", described, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"private\"", described, StringComparison.Ordinal);
        Assert.Contains($"\"first_name\":\"({MalformedUpdates.PrivateWords.Length} chars)\"", described, StringComparison.Ordinal);
        Assert.DoesNotContain(MalformedUpdates.PrivateWords, described, StringComparison.Ordinal);
        Assert.DoesNotContain("AAFakeToken", described, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada", described, StringComparison.Ordinal);
        JsonDocument.Parse(described).Dispose();
    }

    [Fact]
    public void Describe_LongUpdate_IsCutAtTheLimit()
    {
        var json = new JsonObject { ["update_id"] = 7006, ["numbers"] = new JsonArray([.. Enumerable.Range(0, 1000).Select(i => (JsonNode)i)]) };

        var described = TelegramUpdateJson.Describe(Parse(json), 100);

        Assert.Equal(101, described.Length);
        Assert.EndsWith("…", described, StringComparison.Ordinal);
    }

    private static JsonElement Parse(JsonNode? json) => JsonDocument.Parse(json?.ToJsonString() ?? "null").RootElement.Clone();
}
