using System.Text.Json.Nodes;
using LymphBot.Core.Chat;
using LymphBot.Telegram.Receiving;
using LymphBot.Telegram.Tests.StandIn;
using LymphBot.Telegram.Tests.TestSupport;

namespace LymphBot.Telegram.Tests.Receiving;

/// <summary>Conversations through the real Telegram.Bot client, the adapter and Core, against the stand-in server.</summary>
public sealed class TelegramReceiverTests : StandInConversation
{
    [Fact]
    public async Task Poll_PrivateQuestion_AnswersInHtmlWithEverythingEscaped()
    {
        StandIn.EnqueueUpdate(TestUpdates.PrivateText(1001, "is <b>1 < 2</b> & true?"));

        await StandIn.WaitUntilAsync(s => s.Sent(1001).Count == 1);

        var sent = StandIn.Sent(1001)[0];
        Assert.Equal("HTML", sent.Body["parse_mode"]?.ToString(), ignoreCase: true);
        Assert.Equal(TestAnswerer.RenderedAnswer("is <b>1 < 2</b> & true?"), sent.Text);
        Assert.Contains("&lt;b&gt;1 &lt; 2&lt;/b&gt; &amp; true?", sent.Text, StringComparison.Ordinal);
        Assert.True(sent.Body["link_preview_options"]?["is_disabled"]?.GetValue<bool>());
        Assert.Equal("more:1", sent.Body["reply_markup"]?["inline_keyboard"]?[0]?[0]?["callback_data"]?.ToString());
        Assert.Null(sent.Body["reply_parameters"]);
    }

    [Fact]
    public async Task Poll_GroupUpgradedToSupergroup_MovesTheChatToItsNewId_AndSaysNothing()
    {
        foreach (var update in TestUpdates.GroupUpgrade(-4001, -100_4001, 4001))
        {
            StandIn.EnqueueUpdate(update);
        }

        StandIn.EnqueueUpdate(TestUpdates.GroupText(-100_4001, 4001, $"/help@{TelegramStandIn.BotUsername}"));
        await StandIn.WaitUntilAsync(s => s.Sent(-100_4001).Count == 1);

        Assert.Equal(
            [(TelegramMappingAddress(-4001), TelegramMappingAddress(-100_4001)), (TelegramMappingAddress(-4001), TelegramMappingAddress(-100_4001))],
            Bot.Migrations.Moves);
        Assert.Empty(StandIn.Sent(-4001));
    }

    private static ChatAddress TelegramMappingAddress(long chatId) => LymphBot.Telegram.Mapping.TelegramMapping.ToAddress(chatId);

    [Fact]
    public async Task Poll_GroupCommandForAnotherBot_StaysSilent()
    {
        StandIn.EnqueueUpdate(TestUpdates.GroupText(-100_2001, 2001, "/help@OtherBot"));
        StandIn.EnqueueUpdate(TestUpdates.GroupText(-100_2001, 2001, "just chatting among ourselves"));
        StandIn.EnqueueUpdate(TestUpdates.GroupText(-100_2001, 2001, $"/help@{TelegramStandIn.BotUsername}"));

        // Updates of one chat are handled in order, so once /help@ours is answered the two before it were seen.
        await StandIn.WaitUntilAsync(s => s.Sent(-100_2001).Count == 1);

        var sent = Assert.Single(StandIn.Sent(-100_2001));
        Assert.Contains("Commands", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poll_MentionInForumTopic_AnswersInTheSameThreadQuotingTheQuestion()
    {
        var update = TestUpdates.GroupText(-100_3001, 3001, $"@{TelegramStandIn.BotUsername} does it help with swelling?", topicId: 77);
        var messageId = update["message"]!["message_id"]!.GetValue<int>();
        StandIn.EnqueueUpdate(update);

        await StandIn.WaitUntilAsync(s => s.Sent(-100_3001).Count == 1);

        var sent = StandIn.Sent(-100_3001)[0];
        Assert.Equal(TestAnswerer.RenderedAnswer("does it help with swelling?"), sent.Text);
        Assert.Equal(77, sent.Body["message_thread_id"]?.GetValue<int>());
        Assert.Equal(messageId, sent.Body["reply_parameters"]?["message_id"]?.GetValue<int>());
    }

    [Fact]
    public async Task Poll_ReplyToTheBotInGroup_IsAnswered()
    {
        StandIn.EnqueueUpdate(TestUpdates.GroupText(-100_3002, 3002, "and at night?", replyToBot: true));

        await StandIn.WaitUntilAsync(s => s.Sent(-100_3002).Count == 1);

        Assert.Equal(TestAnswerer.RenderedAnswer("and at night?"), StandIn.Sent(-100_3002)[0].Text);
    }

    [Fact]
    public async Task Poll_CallbackQuery_AnswersTheQueryThenRepliesInTheChat()
    {
        var update = TestUpdates.Callback(1004, 1004, "more:7");
        var queryId = update["callback_query"]!["id"]!.ToString();
        StandIn.EnqueueUpdate(update);

        await StandIn.WaitUntilAsync(s => s.Sent(1004).Count == 1);

        var answered = Assert.Single(StandIn.Calls("answerCallbackQuery"));
        Assert.Equal(queryId, answered.Body["callback_query_id"]?.ToString());
        Assert.Equal("More about topic 7", StandIn.Sent(1004)[0].Text);
        Assert.True(StandIn.Requests.ToList().IndexOf(answered) < StandIn.Requests.ToList().FindIndex(r => r.Is("sendMessage")));
    }

    [Fact]
    public async Task Start_PublishesCommandMenus_ModeratorCommandsOnlyForChatAdministrators()
    {
        await StandIn.WaitUntilAsync(s => s.Calls("setMyCommands").Count == 3 && s.Calls("deleteWebhook").Count == 1);

        var menus = StandIn.Calls("setMyCommands").ToDictionary(
            r => r.Body["scope"]!["type"]!.ToString(),
            r => r.Body["commands"]!.AsArray().Select(c => c!["command"]!.ToString()).ToList());
        Assert.Equal(["all_chat_administrators", "all_group_chats", "all_private_chats"], menus.Keys.Order());
        Assert.DoesNotContain("approve", menus["all_private_chats"]);
        Assert.DoesNotContain("approve", menus["all_group_chats"]);
        Assert.Contains("approve", menus["all_chat_administrators"]);
        Assert.Contains("help", menus["all_private_chats"]);
        Assert.Single(StandIn.Calls("deleteWebhook"));
    }

    [Fact]
    public async Task GroupCommand_AdminFactComesFromGetChatMember_CachedPerChatAndUser()
    {
        StandIn.Administrators.Add("-1009001:2001");
        StandIn.EnqueueUpdate(TestUpdates.GroupText(-100_9001, 2001, "/approve 1"));
        StandIn.EnqueueUpdate(TestUpdates.GroupText(-100_9001, 2001, "/approve 2"));
        StandIn.EnqueueUpdate(TestUpdates.GroupText(-100_9001, 3003, "/approve 3"));
        StandIn.EnqueueUpdate(TestUpdates.GroupText(-100_9001, 3003, "just chatting"));

        // Group replies are paced (1/s per chat), so the clock moves on to let the later ones out.
        await Bot.Clock.AdvanceUntilAsync(() => StandIn.Sent(-100_9001).Count == 3, () => StandIn.Changed);

        Assert.Equal(["approved", "approved", "refused: not an administrator"], StandIn.Sent(-100_9001).Select(r => r.Text));
        Assert.Equal(2, StandIn.Calls("getChatMember").Count);
    }

    [Fact]
    public async Task GroupCommand_ForAnotherBotOrUnknown_AsksNoGetChatMember()
    {
        StandIn.EnqueueUpdate(TestUpdates.GroupText(-100_9002, 2001, "/ask@OtherBot does it help?"));
        StandIn.EnqueueUpdate(TestUpdates.GroupText(-100_9002, 2001, "/approve@OtherBot 1"));
        StandIn.EnqueueUpdate(TestUpdates.GroupText(-100_9002, 2001, "/sticker party"));
        StandIn.EnqueueUpdate(TestUpdates.GroupText(-100_9002, 2001, $"@{TelegramStandIn.BotUsername} and the marker?"));

        // One lane per chat: once the mention is answered, the three commands before it were handled.
        await StandIn.WaitUntilAsync(s => s.Sent(-100_9002).Count == 1);

        Assert.Equal(TestAnswerer.RenderedAnswer("and the marker?"), StandIn.Sent(-100_9002)[0].Text);
        Assert.Empty(StandIn.Calls("getChatMember"));
    }

    [Fact]
    public async Task GroupCommand_GetChatMemberFails_RefusedAndTheFailureCachedForAMinute()
    {
        StandIn.Administrators.Add("-1009003:2001");
        StandIn.Fail("getChatMember", StandInFailure.InternalError(), times: 5);
        StandIn.EnqueueUpdate(TestUpdates.GroupText(-100_9003, 2001, "/approve 1"));
        StandIn.EnqueueUpdate(TestUpdates.GroupText(-100_9003, 2001, "/approve 2"));
        await Bot.Clock.AdvanceUntilAsync(() => StandIn.Sent(-100_9003).Count == 2, () => StandIn.Changed);

        Assert.Equal(["refused: not an administrator", "refused: not an administrator"], StandIn.Sent(-100_9003).Select(r => r.Text));
        Assert.Single(StandIn.Calls("getChatMember"));

        Bot.Clock.Advance(TelegramChatAdmins.FailureCacheFor);
        StandIn.EnqueueUpdate(TestUpdates.GroupText(-100_9003, 2001, "/approve 3"));
        await Bot.Clock.AdvanceUntilAsync(() => StandIn.Sent(-100_9003).Count == 3, () => StandIn.Changed);
        Assert.Equal(2, StandIn.Calls("getChatMember").Count);
    }

    [Fact]
    public async Task GroupCommand_GetChatMemberNeverAnswers_RefusedAfterTheRequestTimeout()
    {
        // A server and bot of its own: the class's bot would take the update and wait its 10-s timeout.
        await using var standIn = await TelegramStandIn.StartAsync();
        await using var impatient = await TelegramTestHost.StartAsync(
            standIn, settings: new Dictionary<string, string?> { ["Telegram:RequestTimeout"] = "00:00:01" });
        standIn.Fail("getChatMember", StandInFailure.NoAnswer());
        standIn.EnqueueUpdate(TestUpdates.GroupText(-100_9004, 2001, "/approve 1"));

        await standIn.WaitUntilAsync(s => s.Sent(-100_9004).Count == 1);

        Assert.Equal("refused: not an administrator", standIn.Sent(-100_9004)[0].Text);
    }

    [Fact]
    public async Task Poll_MyChatMember_MarksChatUnreachableThenReachable()
    {
        var chat = new ChatAddress("telegram", "1005");
        StandIn.EnqueueUpdate(TestUpdates.MyChatMember(1005, "member", "kicked"));
        StandIn.EnqueueUpdate(TestUpdates.PrivateText(1006, "marker one"));
        await StandIn.WaitUntilAsync(s => s.Sent(1006).Count == 1);
        await Bot.Clock.AdvanceUntilAsync(() => Bot.Reachability.Unreachable.ContainsKey(chat), () => StandIn.Changed);

        Assert.Contains("blocked", Bot.Reachability.Unreachable[chat], StringComparison.Ordinal);

        StandIn.EnqueueUpdate(TestUpdates.MyChatMember(1005, "kicked", "member"));
        StandIn.EnqueueUpdate(TestUpdates.PrivateText(1005, "I'm back"));

        // Same chat, same lane: the reply proves the membership update before it was handled.
        await StandIn.WaitUntilAsync(s => s.Sent(1005).Count == 1);
        Assert.False(Bot.Reachability.Unreachable.ContainsKey(chat));
    }

    [Fact]
    public async Task Poll_SlowAnswer_DoesNotStallOtherChatsAndKeepsOrderWithinItsChat()
    {
        var slow = Bot.Answerer.Hold("slow question");
        StandIn.EnqueueUpdate(TestUpdates.PrivateText(1007, "slow question"));
        StandIn.EnqueueUpdate(TestUpdates.PrivateText(1007, "second question"));
        StandIn.EnqueueUpdate(TestUpdates.PrivateText(1008, "quick question"));

        await StandIn.WaitUntilAsync(s => s.Sent(1008).Count == 1);
        Assert.Empty(StandIn.Sent(1007));

        slow.SetResult();
        await Bot.Clock.AdvanceUntilAsync(() => StandIn.Sent(1007).Count == 2, () => StandIn.Changed);

        var texts = StandIn.Sent(1007).Select(r => r.Text).ToList();
        Assert.Equal([TestAnswerer.RenderedAnswer("slow question"), TestAnswerer.RenderedAnswer("second question")], texts);
    }

    [Fact]
    public async Task Poll_StandInServerRestarts_PollingRecoversAndNothingIsLost()
    {
        StandIn.EnqueueUpdate(TestUpdates.PrivateText(1009, "before"));
        await StandIn.WaitUntilAsync(s => s.Sent(1009).Count == 1);

        await StandIn.StopAsync();
        // The poller sees the connection refused and backs off on the (fake) clock.
        await Bot.Clock.AdvanceUntilAsync(() => Bot.Clock.PendingDelays.Count > 0 || Bot.Logs.AllText.Contains("Polling Telegram failed", StringComparison.Ordinal));
        await StandIn.RestartAsync();
        StandIn.EnqueueUpdate(TestUpdates.PrivateText(1010, "after"));

        await Bot.Clock.AdvanceUntilAsync(() => StandIn.Sent(1010).Count == 1, () => StandIn.Changed);

        Assert.Equal(TestAnswerer.RenderedAnswer("after"), StandIn.Sent(1010)[0].Text);
        Assert.Single(StandIn.Sent(1009));
    }

    [Fact]
    public async Task Poll_GetUpdatesFailsWith502_RetriesAndDeliversTheUpdate()
    {
        await StandIn.WaitUntilAsync(s => s.Calls("getUpdates").Count >= 1);
        StandIn.Fail("getUpdates", StandInFailure.BadGateway(), times: 2);
        StandIn.EnqueueUpdate(TestUpdates.PrivateText(1011, "ends the pending long poll"));
        await Bot.Clock.AdvanceUntilAsync(() => StandIn.Calls("getUpdates").Count(r => r.Failed) == 2, () => StandIn.Changed);

        StandIn.EnqueueUpdate(TestUpdates.PrivateText(1012, "through the fault"));
        await Bot.Clock.AdvanceUntilAsync(() => StandIn.Sent(1012).Count == 1, () => StandIn.Changed);

        Assert.Equal(2, StandIn.Calls("getUpdates").Count(r => r.Failed));
        Assert.Contains("Polling Telegram works again", Bot.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poll_EditedMessage_IsNotRequestedFromTelegram()
    {
        await StandIn.WaitUntilAsync(s => s.Calls("getUpdates").Count >= 1);

        var allowed = StandIn.Calls("getUpdates")[0].Body["allowed_updates"]!.AsArray().Select(n => n!.ToString()).ToList();
        Assert.Equal(["message", "callback_query", "my_chat_member"], allowed);
        Assert.IsType<JsonArray>(StandIn.Calls("getUpdates")[0].Body["allowed_updates"]);
    }
}
