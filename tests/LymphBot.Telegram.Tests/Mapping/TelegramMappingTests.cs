using System.Text.Json;
using System.Text.Json.Nodes;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Telegram.Mapping;
using LymphBot.Telegram.Tests.StandIn;
using LymphBot.Telegram.Tests.TestSupport;
using LymphBot.Testing.Conversations;
using LymphBot.Testing.TestSupport;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace LymphBot.Telegram.Tests.Mapping;

public sealed class TelegramMappingTests
{
    private static readonly TelegramBotUser Bot = new(TelegramStandIn.BotId, TelegramStandIn.BotUsername);

    [SkippableFact]
    public void ToIncomingMessage_RecordedPrivateText_IsADirectQuestion()
    {
        var update = Fixture("01_private_text_message.json");

        var message = TelegramMapping.ToIncomingMessage(update.Message!, Bot)!;

        Assert.Equal(new ChatAddress("telegram", "218485655"), message.Chat);
        Assert.Equal(new ChatUser("telegram", "218485655", "Waffle"), message.Sender);
        Assert.Equal("hello there", message.Text);
        Assert.Equal(ChatKind.Direct, message.Kind);
        Assert.False(message.AddressesBot);
        Assert.Equal(TelegramStandIn.BotUsername, message.BotUsername);
    }

    [SkippableFact]
    public void ToIncomingMessage_RecordedGroupCommandAtBotName_KeepsTheTargetForCoreToJudge()
    {
        var update = Fixture("02_group_command_at_botname.json");

        var message = TelegramMapping.ToIncomingMessage(update.Message!, new TelegramBotUser(1, "swantabot"))!;

        Assert.Equal(new ChatAddress("telegram", "-1001650852901"), message.Chat);
        Assert.Equal(ChatKind.Group, message.Kind);
        Assert.Equal("/start@swantabot PingGroup", message.Text);
        Assert.Equal("swantabot", message.BotUsername);
        Assert.Equal("start", CommandText.Parse(message.Text).Name);
    }

    [SkippableFact]
    public void ToIncomingMessage_RecordedSupergroupReplyThread_IsNotAForumTopic()
    {
        var update = Fixture("03_supergroup_command_in_thread.json");

        var message = TelegramMapping.ToIncomingMessage(update.Message!, Bot)!;

        Assert.Equal(new ChatAddress("telegram", "-1001293752024"), message.Chat);
        Assert.Equal("/report", message.Text);
        Assert.False(message.AddressesBot);
    }

    [SkippableFact]
    public void ChatKeyOf_RecordedEditedMessage_HasNoMessageToAnswer()
    {
        var update = Fixture("04_edited_message.json");

        Assert.Null(update.Message);
        Assert.NotNull(update.EditedMessage);
        Assert.Equal(0, TelegramMapping.ChatKeyOf(update));
    }

    [SkippableFact]
    public void ToReachabilityChange_RecordedUserBlockedBot_IsUnreachable()
    {
        var update = Fixture("05_my_chat_member_user_blocked_bot.json");

        var change = TelegramMapping.ToReachabilityChange(update.MyChatMember!)!;

        Assert.Equal(new ChatAddress("telegram", "0"), change.Chat);
        Assert.False(change.Reachable);
        Assert.Contains("blocked", change.Reason, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void ToIncomingMessage_RecordedInlineCallbackQuery_GoesToTheUsersPrivateChat()
    {
        var update = Fixture("06_callback_query.json");

        var message = TelegramMapping.ToIncomingMessage(update.CallbackQuery!, Bot)!;

        Assert.Equal(new ChatAddress("telegram", "1111111"), message.Chat);
        Assert.Equal("Data from button callback", message.ButtonData);
        Assert.Equal(ChatKind.Direct, message.Kind);
    }

    [Fact]
    public void ToIncomingMessage_LeadingMentionInForumTopic_StrippedAddressedAndThreaded()
    {
        var message = Map(TestUpdates.GroupText(-100_1, 5, $"@{TelegramStandIn.BotUsername}, what is MLD?", topicId: 42))!;

        Assert.Equal("what is MLD?", message.Text);
        Assert.True(message.AddressesBot);
        Assert.Equal(new ChatAddress("telegram", "-1001", "42"), message.Chat);
        Assert.Equal(ChatKind.Group, message.Kind);
    }

    [Fact]
    public void ToIncomingMessage_MentionOfAnotherBot_IsNotAddressedOrStripped()
    {
        var message = Map(TestUpdates.GroupText(-100_1, 5, $"@{TelegramStandIn.BotUsername}Fan knows best"))!;

        Assert.Equal($"@{TelegramStandIn.BotUsername}Fan knows best", message.Text);
        Assert.False(message.AddressesBot);
    }

    [Fact]
    public void ToIncomingMessage_MentionInTheMiddle_AddressesTheBot()
    {
        var message = Map(TestUpdates.GroupText(-100_1, 5, $"maybe @{TelegramStandIn.BotUsername} knows?"))!;

        Assert.True(message.AddressesBot);
        Assert.Equal($"maybe @{TelegramStandIn.BotUsername} knows?", message.Text);
    }

    [Fact]
    public void ToIncomingMessage_ReplyToTheBot_AddressesTheBot()
    {
        Assert.True(Map(TestUpdates.GroupText(-100_1, 5, "and at night?", replyToBot: true))!.AddressesBot);
        Assert.False(Map(TestUpdates.GroupText(-100_1, 5, "and at night?"))!.AddressesBot);
    }

    [Fact]
    public void ToIncomingMessage_TextMentionOfTheBot_AddressesTheBot()
    {
        var entities = new JsonArray { new JsonObject { ["offset"] = 0, ["length"] = 3, ["type"] = "text_mention", ["user"] = new JsonObject { ["id"] = TelegramStandIn.BotId, ["is_bot"] = true, ["first_name"] = "LymphBot" } } };

        Assert.True(Map(TestUpdates.GroupText(-100_1, 5, "Bot, help", entities: entities))!.AddressesBot);
    }

    [Fact]
    public void ToIncomingMessage_MessageFromABot_IsIgnored()
    {
        var update = TestUpdates.PrivateText(5, "loop?");
        update["message"]!["from"]!["is_bot"] = true;

        Assert.Null(Map(update));
    }

    [Fact]
    public void ToIncomingMessage_CallbackInGroupTopic_RepliesThereWithTheButtonData()
    {
        var update = TestUpdates.Callback(-100_2, 5, "more:3");
        update["callback_query"]!["message"]!["message_thread_id"] = 9;
        update["callback_query"]!["message"]!["is_topic_message"] = true;

        var message = TelegramMapping.ToIncomingMessage(Parse(update).CallbackQuery!, Bot)!;

        Assert.Equal(new ChatAddress("telegram", "-1002", "9"), message.Chat);
        Assert.Equal("more:3", message.ButtonData);
        Assert.Equal(ChatKind.Group, message.Kind);
    }

    [Theory]
    [InlineData("kicked", false)]
    [InlineData("left", false)]
    [InlineData("member", true)]
    [InlineData("administrator", true)]
    public void ToReachabilityChange_NewStatus_MapsToReachability(string status, bool reachable)
    {
        var update = TestUpdates.MyChatMember(-100_3, "member", status);
        if (status == "administrator")
        {
            update["my_chat_member"]!["new_chat_member"]!["can_be_edited"] = false;
        }

        var change = TelegramMapping.ToReachabilityChange(Parse(update).MyChatMember!)!;

        Assert.Equal(reachable, change.Reachable);
        Assert.Equal(new ChatAddress("telegram", "-1003"), change.Chat);
    }

    [Fact]
    public void ToBotCommands_ModeratorCommand_OnlyInTheAdministratorMenu()
    {
        CommandSpec[] commands = [new HelpCommand().Spec, new ModeratorCommand().Spec];

        Assert.Equal(["help"], TelegramMapping.ToBotCommands(commands, includeModeratorCommands: false).Select(c => c.Command));
        Assert.Equal(["help", "approve"], TelegramMapping.ToBotCommands(commands, includeModeratorCommands: true).Select(c => c.Command));
    }

    [Fact]
    public async Task ToBotCommands_EveryCoreCommand_MenusListOnlyWhatCoreAcceptsForTheirAudience()
    {
        var specs = EveryCommand.Specs();

        var members = TelegramMapping.ToBotCommands(specs, includeModeratorCommands: false);
        var administrators = TelegramMapping.ToBotCommands(specs, includeModeratorCommands: true);

        Assert.Equal(specs.Select(s => s.Name), administrators.Select(c => c.Command));
        Assert.Equal(specs.Where(s => s.Audience == CommandAudience.Everyone).Select(s => s.Name), members.Select(c => c.Command));
        Assert.DoesNotContain("kb", members.Select(c => c.Command));
        Assert.Contains("tip", members.Select(c => c.Command));
        Assert.All(administrators, c => Assert.InRange(c.Description.Length, 1, 256));

        // A tap on a menu entry sends the bare command: Core runs it, or answers with what it needs, never "unknown".
        using var chat = EveryCommand.Chat();
        foreach (var command in administrators)
        {
            var reply = await chat.Send("/" + command.Command);
            Assert.DoesNotContain("I don't know the command", reply?.Text ?? string.Empty, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("@LymphTestBot hi", "hi")]
    [InlineData("@lymphtestbot: hi", "hi")]
    [InlineData("  @LymphTestBot", "")]
    [InlineData("hi @LymphTestBot", "hi @LymphTestBot")]
    [InlineData("@LymphTestBots hi", "@LymphTestBots hi")]
    public void StripLeadingMention_Text_RemovesOnlyALeadingMentionOfTheBot(string text, string expected) =>
        Assert.Equal(expected, TelegramMapping.StripLeadingMention(text, "LymphTestBot"));

    [Fact]
    public void ToIncomingMessage_PrivateLocation_CarriesThePoint_WithNoText()
    {
        var message = Map(TestUpdates.Location(6001, 6001, 52.52, 13.405))!;

        Assert.Equal(new GeoPoint(52.52, 13.405), message.Location);
        Assert.Equal(string.Empty, message.Text);
        Assert.Equal(ChatKind.Direct, message.Kind);
        Assert.True(message.CanShareLocation);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ToIncomingMessage_GroupLocation_AddressesTheBotOnlyAsAReplyToIt(bool replyToBot)
    {
        var message = Map(TestUpdates.Location(-100_6001, 6001, 52.52, 13.405, replyToBot))!;

        Assert.Equal(replyToBot, message.AddressesBot);
        Assert.Equal(ChatKind.Group, message.Kind);
        Assert.False(message.CanShareLocation);
    }

    [Fact]
    public void ToIncomingMessage_Text_CanShareALocationOnlyInAPrivateChat()
    {
        Assert.True(Map(TestUpdates.PrivateText(6002, "/timezone"))!.CanShareLocation);
        Assert.False(Map(TestUpdates.GroupText(-100_6002, 6002, "/timezone"))!.CanShareLocation);
    }

    private static IncomingMessage? Map(JsonObject update) => TelegramMapping.ToIncomingMessage(Parse(update).Message!, Bot);

    private static Update Parse(JsonObject update)
    {
        update["update_id"] ??= 1;
        return JsonSerializer.Deserialize<Update>(update.ToJsonString(), JsonBotAPI.Options)!;
    }

    private static Update Fixture(string name)
    {
        var path = TestEnvironment.RequireShared($"fixtures/telegram/{name}");
        return JsonSerializer.Deserialize<Update>(File.ReadAllText(path), JsonBotAPI.Options)!;
    }
}
