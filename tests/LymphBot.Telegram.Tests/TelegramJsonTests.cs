using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using LymphBot.Telegram.Tests.TestSupport;
using LymphBot.Testing.TestSupport;
using Telegram.Bot;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace LymphBot.Telegram.Tests;

public sealed class TelegramJsonTests
{
    // The same converters and naming as Telegram.Bot's options, with metadata built by reflection as the library would.
    private static readonly JsonSerializerOptions Reflection = new(JsonBotAPI.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    [Fact]
    public void TelegramTypes_ComeFromTheLibrarysGeneratedMetadata()
    {
        Assert.Same(JsonBotSerializerContext.Default, JsonBotAPI.Options.GetTypeInfo(typeof(Update)).OriginatingResolver);
        Assert.Same(JsonBotSerializerContext.Default, JsonBotAPI.Options.GetTypeInfo(typeof(SendMessageRequest)).OriginatingResolver);
    }

    [Fact]
    public void UseGeneratedMetadata_OnceTheOptionsAreInUse_ChangesNothing()
    {
        JsonBotAPI.Options.MakeReadOnly();
        var resolver = JsonBotAPI.Options.TypeInfoResolver;

        TelegramJson.UseGeneratedMetadata();

        Assert.True(JsonBotAPI.Options.IsReadOnly);
        Assert.Same(resolver, JsonBotAPI.Options.TypeInfoResolver);
    }

    public static TheoryData<string> OwnUpdates() => new()
    {
        TestUpdates.PrivateText(42, "what is lymphatic massage?").ToJsonString(),
        TestUpdates.GroupText(-100123, 7, "@LymphTestBot /ask does it hurt?", topicId: 5, replyToBot: true).ToJsonString(),
        TestUpdates.Callback(42, 42, "feedback:up:12").ToJsonString(),
        TestUpdates.MyChatMember(42, "member", "kicked").ToJsonString(),
    };

    [Theory]
    [MemberData(nameof(OwnUpdates))]
    public void OwnUpdates_ReadTheSameAsWithReflection(string json) => AssertReadsLikeReflection(WithUpdateId(json));

    [SkippableTheory]
    [InlineData("01_private_text_message.json")]
    [InlineData("02_group_command_at_botname.json")]
    [InlineData("03_supergroup_command_in_thread.json")]
    [InlineData("04_edited_message.json")]
    [InlineData("05_my_chat_member_user_blocked_bot.json")]
    [InlineData("06_callback_query.json")]
    public void RecordedUpdates_ReadTheSameAsWithReflection(string fixture) =>
        AssertReadsLikeReflection(File.ReadAllText(TestEnvironment.RequireShared($"fixtures/telegram/{fixture}")));

    [Fact]
    public void Requests_WriteTheSameAsWithReflection()
    {
        var request = new SendMessageRequest
        {
            ChatId = -100123,
            MessageThreadId = 5,
            Text = "<b>Lymphatic massage</b> is gentle.",
            ParseMode = ParseMode.Html,
            ReplyParameters = new ReplyParameters { MessageId = 9, AllowSendingWithoutReply = true },
            LinkPreviewOptions = new LinkPreviewOptions { IsDisabled = true },
            ReplyMarkup = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Helpful", "feedback:up:12")),
        };

        Assert.Equal(JsonSerializer.Serialize(request, request.GetType(), Reflection), JsonSerializer.Serialize(request, request.GetType(), JsonBotAPI.Options));
    }

    private static void AssertReadsLikeReflection(string json)
    {
        var generated = JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options)!;
        var reflected = JsonSerializer.Deserialize<Update>(json, Reflection)!;

        Assert.NotEqual(UpdateType.Unknown, generated.Type);
        Assert.Equal(JsonSerializer.Serialize(reflected, Reflection), JsonSerializer.Serialize(generated, Reflection));
    }

    private static string WithUpdateId(string json)
    {
        var update = JsonNode.Parse(json)!.AsObject();
        update["update_id"] = 1;
        return update.ToJsonString();
    }
}
