using System.Text.Json.Nodes;
using LymphBot.Core.Chat;
using LymphBot.Telegram.Tests.StandIn;
using LymphBot.Telegram.Tests.TestSupport;

namespace LymphBot.Telegram.Tests.Receiving;

/// <summary>Conversations through the real Telegram.Bot client, the adapter and Core, against the stand-in server.</summary>
public sealed class TelegramReceiverTests : IAsyncLifetime
{
    private TelegramStandIn _standIn = null!;
    private TelegramTestHost _bot = null!;

    public async Task InitializeAsync()
    {
        var clock = new TestClock();
        _standIn = await TelegramStandIn.StartAsync(clock);
        _bot = await TelegramTestHost.StartAsync(_standIn, clock);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _standIn.DisposeAsync();
    }

    [Fact]
    public async Task Poll_PrivateQuestion_AnswersInHtmlWithEverythingEscaped()
    {
        _standIn.EnqueueUpdate(TestUpdates.PrivateText(1001, "is <b>1 < 2</b> & true?"));

        await _standIn.WaitUntilAsync(s => s.Sent(1001).Count == 1);

        var sent = _standIn.Sent(1001)[0];
        Assert.Equal("HTML", sent.Body["parse_mode"]?.ToString(), ignoreCase: true);
        Assert.Equal(TestAnswerer.RenderedAnswer("is <b>1 < 2</b> & true?"), sent.Text);
        Assert.Contains("&lt;b&gt;1 &lt; 2&lt;/b&gt; &amp; true?", sent.Text, StringComparison.Ordinal);
        Assert.True(sent.Body["link_preview_options"]?["is_disabled"]?.GetValue<bool>());
        Assert.Equal("more:1", sent.Body["reply_markup"]?["inline_keyboard"]?[0]?[0]?["callback_data"]?.ToString());
        Assert.Null(sent.Body["reply_parameters"]);
    }

    [Fact]
    public async Task Poll_GroupCommandForAnotherBot_StaysSilent()
    {
        _standIn.EnqueueUpdate(TestUpdates.GroupText(-100_2001, 2001, "/help@OtherBot"));
        _standIn.EnqueueUpdate(TestUpdates.GroupText(-100_2001, 2001, "just chatting among ourselves"));
        _standIn.EnqueueUpdate(TestUpdates.GroupText(-100_2001, 2001, $"/help@{TelegramStandIn.BotUsername}"));

        // Updates of one chat are handled in order, so once /help@ours is answered the two before it were seen.
        await _standIn.WaitUntilAsync(s => s.Sent(-100_2001).Count == 1);

        var sent = Assert.Single(_standIn.Sent(-100_2001));
        Assert.Contains("Commands", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poll_MentionInForumTopic_AnswersInTheSameThreadQuotingTheQuestion()
    {
        var update = TestUpdates.GroupText(-100_3001, 3001, $"@{TelegramStandIn.BotUsername} does it help with swelling?", topicId: 77);
        var messageId = update["message"]!["message_id"]!.GetValue<int>();
        _standIn.EnqueueUpdate(update);

        await _standIn.WaitUntilAsync(s => s.Sent(-100_3001).Count == 1);

        var sent = _standIn.Sent(-100_3001)[0];
        Assert.Equal(TestAnswerer.RenderedAnswer("does it help with swelling?"), sent.Text);
        Assert.Equal(77, sent.Body["message_thread_id"]?.GetValue<int>());
        Assert.Equal(messageId, sent.Body["reply_parameters"]?["message_id"]?.GetValue<int>());
    }

    [Fact]
    public async Task Poll_ReplyToTheBotInGroup_IsAnswered()
    {
        _standIn.EnqueueUpdate(TestUpdates.GroupText(-100_3002, 3002, "and at night?", replyToBot: true));

        await _standIn.WaitUntilAsync(s => s.Sent(-100_3002).Count == 1);

        Assert.Equal(TestAnswerer.RenderedAnswer("and at night?"), _standIn.Sent(-100_3002)[0].Text);
    }

    [Fact]
    public async Task Poll_CallbackQuery_AnswersTheQueryThenRepliesInTheChat()
    {
        var update = TestUpdates.Callback(1004, 1004, "more:7");
        var queryId = update["callback_query"]!["id"]!.ToString();
        _standIn.EnqueueUpdate(update);

        await _standIn.WaitUntilAsync(s => s.Sent(1004).Count == 1);

        var answered = Assert.Single(_standIn.Calls("answerCallbackQuery"));
        Assert.Equal(queryId, answered.Body["callback_query_id"]?.ToString());
        Assert.Equal("More about topic 7", _standIn.Sent(1004)[0].Text);
        Assert.True(_standIn.Requests.ToList().IndexOf(answered) < _standIn.Requests.ToList().FindIndex(r => r.Is("sendMessage")));
    }

    [Fact]
    public async Task Start_PublishesCommandMenus_ModeratorCommandsOnlyForChatAdministrators()
    {
        await _standIn.WaitUntilAsync(s => s.Calls("setMyCommands").Count == 3 && s.Calls("deleteWebhook").Count == 1);

        var menus = _standIn.Calls("setMyCommands").ToDictionary(
            r => r.Body["scope"]!["type"]!.ToString(),
            r => r.Body["commands"]!.AsArray().Select(c => c!["command"]!.ToString()).ToList());
        Assert.Equal(["all_chat_administrators", "all_group_chats", "all_private_chats"], menus.Keys.Order());
        Assert.DoesNotContain("approve", menus["all_private_chats"]);
        Assert.DoesNotContain("approve", menus["all_group_chats"]);
        Assert.Contains("approve", menus["all_chat_administrators"]);
        Assert.Contains("help", menus["all_private_chats"]);
        Assert.Single(_standIn.Calls("deleteWebhook"));
    }

    [Fact]
    public async Task GroupCommand_AdminFactComesFromGetChatMember_CachedPerChatAndUser()
    {
        _standIn.Administrators.Add("-1009001:2001");
        _standIn.EnqueueUpdate(TestUpdates.GroupText(-100_9001, 2001, "/approve 1"));
        _standIn.EnqueueUpdate(TestUpdates.GroupText(-100_9001, 2001, "/approve 2"));
        _standIn.EnqueueUpdate(TestUpdates.GroupText(-100_9001, 3003, "/approve 3"));
        _standIn.EnqueueUpdate(TestUpdates.GroupText(-100_9001, 3003, "just chatting"));

        // Group replies are paced (1/s per chat), so the clock moves on to let the later ones out.
        await _bot.Clock.AdvanceUntilAsync(() => _standIn.Sent(-100_9001).Count == 3, () => _standIn.Changed);

        Assert.Equal(["approved", "approved", "refused: not an administrator"], _standIn.Sent(-100_9001).Select(r => r.Text));
        Assert.Equal(2, _standIn.Calls("getChatMember").Count);
    }

    [Fact]
    public async Task Poll_MyChatMember_MarksChatUnreachableThenReachable()
    {
        var chat = new ChatAddress("telegram", "1005");
        _standIn.EnqueueUpdate(TestUpdates.MyChatMember(1005, "member", "kicked"));
        _standIn.EnqueueUpdate(TestUpdates.PrivateText(1006, "marker one"));
        await _standIn.WaitUntilAsync(s => s.Sent(1006).Count == 1);
        await _bot.Clock.AdvanceUntilAsync(() => _bot.Reachability.Unreachable.ContainsKey(chat), () => _standIn.Changed);

        Assert.Contains("blocked", _bot.Reachability.Unreachable[chat], StringComparison.Ordinal);

        _standIn.EnqueueUpdate(TestUpdates.MyChatMember(1005, "kicked", "member"));
        _standIn.EnqueueUpdate(TestUpdates.PrivateText(1005, "I'm back"));

        // Same chat, same lane: the reply proves the membership update before it was handled.
        await _standIn.WaitUntilAsync(s => s.Sent(1005).Count == 1);
        Assert.False(_bot.Reachability.Unreachable.ContainsKey(chat));
    }

    [Fact]
    public async Task Poll_SlowAnswer_DoesNotStallOtherChatsAndKeepsOrderWithinItsChat()
    {
        var slow = _bot.Answerer.Hold("slow question");
        _standIn.EnqueueUpdate(TestUpdates.PrivateText(1007, "slow question"));
        _standIn.EnqueueUpdate(TestUpdates.PrivateText(1007, "second question"));
        _standIn.EnqueueUpdate(TestUpdates.PrivateText(1008, "quick question"));

        await _standIn.WaitUntilAsync(s => s.Sent(1008).Count == 1);
        Assert.Empty(_standIn.Sent(1007));

        slow.SetResult();
        await _bot.Clock.AdvanceUntilAsync(() => _standIn.Sent(1007).Count == 2, () => _standIn.Changed);

        var texts = _standIn.Sent(1007).Select(r => r.Text).ToList();
        Assert.Equal([TestAnswerer.RenderedAnswer("slow question"), TestAnswerer.RenderedAnswer("second question")], texts);
    }

    [Fact]
    public async Task Poll_StandInServerRestarts_PollingRecoversAndNothingIsLost()
    {
        _standIn.EnqueueUpdate(TestUpdates.PrivateText(1009, "before"));
        await _standIn.WaitUntilAsync(s => s.Sent(1009).Count == 1);

        await _standIn.StopAsync();
        // The poller sees the connection refused and backs off on the (fake) clock.
        await _bot.Clock.AdvanceUntilAsync(() => _bot.Clock.PendingDelays.Count > 0 || _bot.Logs.AllText.Contains("Polling Telegram failed", StringComparison.Ordinal));
        await _standIn.RestartAsync();
        _standIn.EnqueueUpdate(TestUpdates.PrivateText(1010, "after"));

        await _bot.Clock.AdvanceUntilAsync(() => _standIn.Sent(1010).Count == 1, () => _standIn.Changed);

        Assert.Equal(TestAnswerer.RenderedAnswer("after"), _standIn.Sent(1010)[0].Text);
        Assert.Single(_standIn.Sent(1009));
    }

    [Fact]
    public async Task Poll_GetUpdatesFailsWith502_RetriesAndDeliversTheUpdate()
    {
        await _standIn.WaitUntilAsync(s => s.Calls("getUpdates").Count >= 1);
        _standIn.Fail("getUpdates", StandInFailure.BadGateway(), times: 2);
        _standIn.EnqueueUpdate(TestUpdates.PrivateText(1011, "ends the pending long poll"));
        await _bot.Clock.AdvanceUntilAsync(() => _standIn.Calls("getUpdates").Count(r => r.Failed) == 2, () => _standIn.Changed);

        _standIn.EnqueueUpdate(TestUpdates.PrivateText(1012, "through the fault"));
        await _bot.Clock.AdvanceUntilAsync(() => _standIn.Sent(1012).Count == 1, () => _standIn.Changed);

        Assert.Equal(2, _standIn.Calls("getUpdates").Count(r => r.Failed));
        Assert.Contains("Polling Telegram works again", _bot.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poll_EditedMessage_IsNotRequestedFromTelegram()
    {
        await _standIn.WaitUntilAsync(s => s.Calls("getUpdates").Count >= 1);

        var allowed = _standIn.Calls("getUpdates")[0].Body["allowed_updates"]!.AsArray().Select(n => n!.ToString()).ToList();
        Assert.Equal(["message", "callback_query", "my_chat_member"], allowed);
        Assert.IsType<JsonArray>(_standIn.Calls("getUpdates")[0].Body["allowed_updates"]);
    }
}
