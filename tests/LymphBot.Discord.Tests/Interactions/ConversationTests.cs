using LymphBot.Core.Commands;
using LymphBot.Core.Moderation;
using LymphBot.Core.Questions;
using LymphBot.Discord.Tests.TestSupport;
using LymphBot.Testing.Commands;
using LymphBot.Testing.Moderation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LymphBot.Discord.Tests.Interactions;

/// <summary>Whole conversations: an event arrives on the stand-in gateway, the answer leaves through the stand-in REST API.</summary>
public sealed class ConversationTests
{
    [Fact]
    public async Task DirectMessage_Question_IsAnsweredInTheDmWithNoMentionsAndTheSource()
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord);
        var gateway = await discord.AcceptIdentifiedAsync();

        await gateway.DispatchAsync("MESSAGE_CREATE", 2, Payloads.DirectMessage("what is *MLD*?"));

        var post = await discord.NextRequestAsync(r => r.Path.StartsWith("/channels/", StringComparison.Ordinal));
        Assert.Equal($"/channels/{Payloads.DmChannelId}/messages", post.Path);
        var body = post.Json;
        Assert.Equal("You asked: what is \\*MLD\\*?\n-# Source: Test source, ¶1", body.GetProperty("content").GetString());
        Assert.Equal("""{"parse":[]}""", body.GetProperty("allowed_mentions").GetRawText());
        Assert.False(body.TryGetProperty("message_reference", out _));
    }

    [Fact]
    public async Task GuildMention_Question_RepliesToTheMessageInTheChannel()
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord);
        var gateway = await discord.AcceptIdentifiedAsync();

        await gateway.DispatchAsync("MESSAGE_CREATE", 2, Payloads.GuildMessage($"<@{Payloads.BotId}> does it help?", mentionBot: true, messageId: "42"));

        var post = await discord.NextRequestAsync(r => r.Path.StartsWith("/channels/", StringComparison.Ordinal));
        Assert.Equal($"/channels/{Payloads.GuildChannelId}/messages", post.Path);
        Assert.StartsWith("You asked: does it help?", post.Json.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal("42", post.Json.GetProperty("message_reference").GetProperty("message_id").GetString());
    }

    [Fact]
    public async Task OwnBotAndWebhookMessages_AreIgnored_TheNextMessageIsAnswered()
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord);
        var gateway = await discord.AcceptIdentifiedAsync();

        await gateway.DispatchAsync("MESSAGE_CREATE", 2, Payloads.DirectMessage("You asked: loop?", messageId: "1", authorId: Payloads.BotId));
        await gateway.DispatchAsync("MESSAGE_CREATE", 3, Payloads.DirectMessage("beep", messageId: "2", authorId: "999", bot: true));
        await gateway.DispatchAsync("MESSAGE_CREATE", 4, Payloads.DirectMessage("real dm", messageId: "3"));
        await gateway.DispatchAsync("MESSAGE_CREATE", 5, Payloads.GuildMessage($"<@{Payloads.BotId}> hook", mentionBot: true, messageId: "4", webhookId: "77"));
        await gateway.DispatchAsync("MESSAGE_CREATE", 6, Payloads.GuildMessage($"<@{Payloads.BotId}> real guild", mentionBot: true, messageId: "5"));

        // Messages of one channel are handled in order: the first answer in each channel shows what came before was skipped.
        RecordedRequest[] posts =
        [
            await discord.NextRequestAsync(r => r.Path.StartsWith("/channels/", StringComparison.Ordinal)),
            await discord.NextRequestAsync(r => r.Path.StartsWith("/channels/", StringComparison.Ordinal)),
        ];
        var dm = Assert.Single(posts, p => p.Path == $"/channels/{Payloads.DmChannelId}/messages");
        var guild = Assert.Single(posts, p => p.Path == $"/channels/{Payloads.GuildChannelId}/messages");

        Assert.StartsWith("You asked: real dm", dm.Json.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("You asked: real guild", guild.Json.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, discord.Requests.Count(r => r.Path.StartsWith("/channels/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SlashCommand_QuickAnswer_IsTheInteractionCallback()
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord);
        var gateway = await discord.AcceptIdentifiedAsync();

        await gateway.DispatchAsync("INTERACTION_CREATE", 2, Payloads.SlashCommand("help", interactionId: "61", token: "tok-61", inGuild: false));

        var callback = await discord.NextRequestAsync(r => r.Path.StartsWith("/interactions/", StringComparison.Ordinal));
        Assert.Equal("/interactions/61/tok-61/callback", callback.Path);
        Assert.Equal(4, callback.Json.GetProperty("type").GetInt32());
        var data = callback.Json.GetProperty("data");
        Assert.Contains("**Commands**", data.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal("""{"parse":[]}""", data.GetProperty("allowed_mentions").GetRawText());
        Assert.False(data.TryGetProperty("flags", out _));
    }

    [Fact]
    public async Task SlashCommand_ModeratorWithManageMessages_ReachesCoreAsAdministratorAndAnswersPrivately()
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord, configure: s => s.AddSingleton<IChatCommand, ModeratorCommand>());
        var gateway = await discord.AcceptIdentifiedAsync();

        await gateway.DispatchAsync("INTERACTION_CREATE", 2, Payloads.SlashCommand("tip", permissions: "8192", options: [("text", "Drink water"), ("action", "add")]));

        var callback = await discord.NextRequestAsync(r => r.Path.StartsWith("/interactions/", StringComparison.Ordinal));
        var data = callback.Json.GetProperty("data");
        Assert.Equal("admin=True roles=1 args=add Drink water", data.GetProperty("content").GetString());
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task SlashCommand_RefusedInAGuild_IsEphemeral_AndSoAreErrors()
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord, configure: s => s
            .AddSingleton<IAuditLog, InMemoryAuditLog>()
            .AddSingleton<ModeratorGate>()
            .AddSingleton<IChatCommand, GatedModeratorCommand>());
        var gateway = await discord.AcceptIdentifiedAsync();

        await gateway.DispatchAsync("INTERACTION_CREATE", 2, Payloads.SlashCommand("purge", interactionId: "71", token: "tok-71"));
        var refusal = (await discord.NextRequestAsync(r => r.Path == "/interactions/71/tok-71/callback")).Json.GetProperty("data");
        await gateway.DispatchAsync("INTERACTION_CREATE", 3, Payloads.SlashCommand("nonsense", interactionId: "72", token: "tok-72"));
        var unknown = (await discord.NextRequestAsync(r => r.Path == "/interactions/72/tok-72/callback")).Json.GetProperty("data");

        Assert.Equal("Only this chat's moderators can do that.", refusal.GetProperty("content").GetString());
        Assert.Equal(64, refusal.GetProperty("flags").GetInt32());
        Assert.Contains("/nonsense", unknown.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(64, unknown.GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task SlashCommand_SlowAnswer_IsDeferredThenTheOriginalIsEdited()
    {
        var answerer = new GatedAnswerer();
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(
            discord,
            new Dictionary<string, string?> { ["Discord:InteractionAnswerBudget"] = "00:00:00.100" },
            s => s.AddSingleton<IQuestionAnswerer>(answerer).AddSingleton<IChatCommand, AskCommand>());
        var gateway = await discord.AcceptIdentifiedAsync();

        await gateway.DispatchAsync("INTERACTION_CREATE", 2, Payloads.SlashCommand("ask", interactionId: "62", token: "tok-62", options: [("question", "is it safe after surgery?")]));

        var deferral = await discord.NextRequestAsync(r => r.Path.StartsWith("/interactions/", StringComparison.Ordinal));
        Assert.Equal("""{"type":5}""", deferral.Body);
        answerer.Release();
        var edit = await discord.NextRequestAsync(r => r.Method == "PATCH");
        Assert.Equal($"/webhooks/{Payloads.ApplicationId}/tok-62/messages/@original", edit.Path);
        Assert.Equal("Slow answer to: is it safe after surgery?", edit.Json.GetProperty("content").GetString());
        Assert.Equal("""{"parse":[]}""", edit.Json.GetProperty("allowed_mentions").GetRawText());
    }

    [Fact]
    public async Task SlashCommand_HandlerBlocksItsThread_IsStillDeferredInTime()
    {
        using var blocking = new BlockingCommand();
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(
            discord,
            new Dictionary<string, string?> { ["Discord:InteractionAnswerBudget"] = "00:00:00.100" },
            s => s.AddSingleton<IChatCommand>(blocking));
        var gateway = await discord.AcceptIdentifiedAsync();

        try
        {
            await gateway.DispatchAsync("INTERACTION_CREATE", 2, Payloads.SlashCommand("remind", interactionId: "64", token: "tok-64", options: [("time", "8:00")]));

            // The handler has not returned: only a timer racing it can have sent this.
            var deferral = await discord.NextRequestAsync(r => r.Path.StartsWith("/interactions/", StringComparison.Ordinal), TimeSpan.FromSeconds(5));
            Assert.Equal("""{"type":5}""", deferral.Body);
        }
        finally
        {
            blocking.Release();
        }

        var edit = await discord.NextRequestAsync(r => r.Method == "PATCH");
        Assert.Equal("Done after the lock", edit.Json.GetProperty("content").GetString());
    }

    [Fact]
    public async Task SlowAnswerInAChannel_DoesNotDelayInteractionsOrHeartbeats()
    {
        var answerer = new GatedAnswerer();
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord, configure: s => s.AddSingleton<IQuestionAnswerer>(answerer));
        var gateway = await discord.AcceptIdentifiedAsync(heartbeatIntervalMs: 100);

        await gateway.DispatchAsync("MESSAGE_CREATE", 2, Payloads.DirectMessage("slow question"));
        await gateway.DispatchAsync("INTERACTION_CREATE", 3, Payloads.SlashCommand("help", inGuild: false));

        await discord.NextRequestAsync(r => r.Path.StartsWith("/interactions/", StringComparison.Ordinal));
        for (var i = 0; i < 3; i++)
        {
            await gateway.ExpectAsync(1);
        }

        Assert.Equal(1, discord.ConnectionCount);
        answerer.Release();
        await discord.NextRequestAsync(r => r.Path.StartsWith("/channels/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ButtonPress_IsAComponentInteractionAnsweredWithAMessage()
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord);
        var gateway = await discord.AcceptIdentifiedAsync();

        await gateway.DispatchAsync("INTERACTION_CREATE", 2, Payloads.ButtonPress("unknown:1", interactionId: "63", token: "tok-63"));

        var callback = await discord.NextRequestAsync(r => r.Path.StartsWith("/interactions/", StringComparison.Ordinal));
        Assert.Equal("/interactions/63/tok-63/callback", callback.Path);
        Assert.Equal(4, callback.Json.GetProperty("type").GetInt32());
        Assert.Contains("button no longer works", callback.Json.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InteractionAlreadyAcknowledged_IsLoggedAsABugNotRetried()
    {
        await using var discord = await StandInDiscord.StartAsync();
        discord.Respond = r => r.Path.StartsWith("/interactions/", StringComparison.Ordinal)
            ? StandInResponse.Json(400, """{"message": "Interaction has already been acknowledged.", "code": 40060}""")
            : null;
        await using var bot = await DiscordHarness.StartAsync(discord);
        var gateway = await discord.AcceptIdentifiedAsync();

        await gateway.DispatchAsync("INTERACTION_CREATE", 2, Payloads.SlashCommand("help"));
        await discord.NextRequestAsync(r => r.Path.StartsWith("/interactions/", StringComparison.Ordinal));
        await gateway.DispatchAsync("MESSAGE_CREATE", 3, Payloads.DirectMessage("after"));
        await discord.NextRequestAsync(r => r.Path.StartsWith("/channels/", StringComparison.Ordinal));

        Assert.Single(discord.Requests, r => r.Path.StartsWith("/interactions/", StringComparison.Ordinal));
        await bot.Logs.WaitForAsync(e => e.Level == LogLevel.Error && e.Text.Contains("40060", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ready_RegistersTheCommandSetWithOneBulkOverwrite()
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord, configure: s => s.AddSingleton<IChatCommand, ModeratorCommand>());
        await discord.AcceptIdentifiedAsync();

        var put = await discord.NextRequestAsync(r => r.Method == "PUT");

        Assert.Equal($"/applications/{Payloads.ApplicationId}/commands", put.Path);
        var commands = put.Json.EnumerateArray().ToList();
        Assert.Equal(["help", "start", "tip"], commands.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("command", commands[0].GetProperty("options")[0].GetProperty("name").GetString());
        Assert.Equal(8192, commands[2].GetProperty("default_member_permissions").GetInt64());
        Assert.False(commands[0].TryGetProperty("default_member_permissions", out _));
        Assert.All(commands, c => Assert.Equal(1, c.GetProperty("type").GetInt32()));
        Assert.Equal(bot.Get<CommandRouter>().Commands.Count, commands.Count);
    }

    [Fact]
    public async Task Ready_SameCommandSetAsLastRegistered_IsNotSentAgain_AChangedOneIs()
    {
        var registrations = new InMemoryCommandRegistrationStore();
        await using var discord = await StandInDiscord.StartAsync();
        await using (var first = await DiscordHarness.StartAsync(discord, configure: s => s.AddSingleton<ICommandRegistrationStore>(registrations)))
        {
            await discord.AcceptIdentifiedAsync();
            await discord.NextRequestAsync(r => r.Method == "PUT");
            await first.Logs.WaitForAsync(e => e.Text.Contains("registered 2 slash commands globally", StringComparison.Ordinal));
        }

        var hash = Assert.Single(registrations.Saved).Value;
        await using (var second = await DiscordHarness.StartAsync(discord, configure: s => s.AddSingleton<ICommandRegistrationStore>(registrations)))
        {
            await discord.AcceptIdentifiedAsync();
            await second.Logs.WaitForAsync(e => e.Text.Contains("are as registered before", StringComparison.Ordinal));
        }

        await using (var changed = await DiscordHarness.StartAsync(discord, configure: s =>
        {
            s.AddSingleton<ICommandRegistrationStore>(registrations);
            s.AddSingleton<IChatCommand, ModeratorCommand>();
        }))
        {
            await discord.AcceptIdentifiedAsync();
            var put = await discord.NextRequestAsync(r => r.Method == "PUT");
            Assert.Equal(3, put.Json.GetArrayLength());
            await changed.Logs.WaitForAsync(e => e.Text.Contains("registered 3 slash commands globally", StringComparison.Ordinal));
        }

        Assert.Equal(2, discord.Requests.Count(r => r.Method == "PUT"));
        Assert.NotEqual(hash, Assert.Single(registrations.Saved).Value);
    }

    [Fact]
    public async Task Ready_WithGuildIds_RegistersPerGuild()
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord, new Dictionary<string, string?> { ["Discord:GuildIds:0"] = "11", ["Discord:GuildIds:1"] = "22" });
        await discord.AcceptIdentifiedAsync();

        var first = await discord.NextRequestAsync(r => r.Method == "PUT");
        var second = await discord.NextRequestAsync(r => r.Method == "PUT");

        Assert.Equal([$"/applications/{Payloads.ApplicationId}/guilds/11/commands", $"/applications/{Payloads.ApplicationId}/guilds/22/commands"], new[] { first.Path, second.Path });
        Assert.False(first.Json[0].TryGetProperty("contexts", out _));
    }
}
