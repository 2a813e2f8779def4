using System.Text.Json;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Discord.Gateway;
using LymphBot.Discord.Mapping;
using LymphBot.Discord.Tests.TestSupport;
using LymphBot.Discord.Wire;
using LymphBot.Testing.TestSupport;

namespace LymphBot.Discord.Tests.Mapping;

public sealed class DiscordMappingTests
{
    private static readonly BotIdentity Self = new(Payloads.BotId, Payloads.BotName, Payloads.ApplicationId);

    [Fact]
    public void FromMessage_DirectMessage_IsADirectQuestionFromTheAuthor()
    {
        var message = Parse(Payloads.DirectMessage("does it help with swelling?"));

        var incoming = DiscordMapping.FromMessage(message, Self, messageContent: false);

        Assert.NotNull(incoming);
        Assert.Equal(new ChatAddress("discord", Payloads.DmChannelId), incoming.Chat);
        Assert.Equal(new ChatUser("discord", Payloads.UserId, "Ada"), incoming.Sender);
        Assert.Equal(("does it help with swelling?", ChatKind.Direct, true), (incoming.Text, incoming.Kind, incoming.AddressesBot));
        Assert.Equal(Payloads.BotName, incoming.BotUsername);
    }

    [Theory]
    [InlineData("<@900000000000000001> what is MLD?")]
    [InlineData("<@!900000000000000001>   what is MLD?")]
    public void FromMessage_GuildMention_StripsTheMentionAndAddressesTheBot(string content)
    {
        var incoming = DiscordMapping.FromMessage(Parse(Payloads.GuildMessage(content, mentionBot: true)), Self, messageContent: false);

        Assert.NotNull(incoming);
        Assert.Equal(("what is MLD?", ChatKind.Group, true), (incoming.Text, incoming.Kind, incoming.AddressesBot));
        Assert.Equal(["700000000000000001", "700000000000000002"], incoming.Facts.RoleIds);
        Assert.False(incoming.Facts.IsChatAdministrator);
    }

    [Theory]
    [InlineData(true, "/ask what is MLD?")]
    [InlineData(false, null)]
    public void FromMessage_PrefixCommand_BecomesASlashCommandOnlyWithMessageContent(bool messageContent, string? expected)
    {
        var incoming = DiscordMapping.FromMessage(Parse(Payloads.GuildMessage("!ask what is MLD?", mentionBot: false)), Self, messageContent);

        Assert.Equal(expected, incoming?.Text);
    }

    [Fact]
    public void FromMessage_GuildChatterNotForTheBot_IsIgnored()
    {
        Assert.Null(DiscordMapping.FromMessage(Parse(Payloads.GuildMessage("lunch anyone?", mentionBot: false)), Self, messageContent: true));
    }

    [Fact]
    public void FromMessage_OwnOtherBotsWebhooksAndSystemMessages_AreIgnored()
    {
        var own = Parse(Payloads.DirectMessage("echo", authorId: Payloads.BotId));
        var otherBot = Parse(Payloads.DirectMessage("beep", bot: true));
        var webhook = Parse(Payloads.GuildMessage("<@900000000000000001> hi", mentionBot: true, webhookId: "12345"));
        var system = Parse(Payloads.DirectMessage("pinned").Replace("\"type\":0", "\"type\":6", StringComparison.Ordinal));

        Assert.All([own, otherBot, webhook, system], m => Assert.Null(DiscordMapping.FromMessage(m, Self, messageContent: true)));
    }

    [Fact]
    public void FromMessage_ReplyToTheBotsMessage_AddressesTheBot()
    {
        var json = Payloads.GuildMessage("and at night?", mentionBot: false)
            .Replace("\"webhook_id\":null", $$$"""
                "webhook_id":null,"referenced_message":{"id":"1","author":{"id":"{{{Payloads.BotId}}}","username":"x","bot":true}}
                """, StringComparison.Ordinal);

        var incoming = DiscordMapping.FromMessage(Parse(json), Self, messageContent: false);

        Assert.True(incoming?.AddressesBot);
    }

    [Fact]
    public void FromInteraction_SlashCommandInGuild_BuildsCommandTextInDeclaredOrderWithFacts()
    {
        var interaction = ParseInteraction(Payloads.SlashCommand("timezone", permissions: "8192", options: [("label", "home"), ("zone", "Europe/Berlin")]));

        var incoming = DiscordMapping.FromInteraction(interaction, Self, Specs);

        Assert.NotNull(incoming);
        Assert.Equal("/timezone Europe/Berlin home", incoming.Text);
        Assert.Equal((ChatKind.Group, true, true), (incoming.Kind, incoming.AddressesBot, incoming.Facts.IsChatAdministrator));
        Assert.Equal(new ChatAddress("discord", Payloads.GuildChannelId), incoming.Chat);
    }

    [Fact]
    public void FromInteraction_SubcommandWithIntegerOption_BuildsTheTextCoreParses()
    {
        var interaction = ParseInteraction(Payloads.SlashSubcommand("remind", "pause", ("days", "7"), ("reminder", "3")));

        var incoming = DiscordMapping.FromInteraction(interaction, Self, Specs);

        Assert.Equal("/remind pause 3 7", incoming?.Text);
    }

    [Theory]
    [InlineData(0, "{\"0\":\"" + Payloads.GuildId + "\"}", true, "900000000000000077", ChatKind.Group)]
    [InlineData(0, "{\"0\":\"" + Payloads.GuildId + "\",\"1\":\"" + Payloads.UserId + "\"}", true, "900000000000000077", ChatKind.Group)]
    [InlineData(0, "{\"1\":\"" + Payloads.UserId + "\"}", true, "user:" + Payloads.UserId, ChatKind.Direct)]
    [InlineData(1, "{\"1\":\"" + Payloads.UserId + "\"}", false, "900000000000000077", ChatKind.Direct)]
    [InlineData(2, "{\"1\":\"" + Payloads.UserId + "\"}", false, "user:" + Payloads.UserId, ChatKind.Direct)]
    public void FromInteraction_ThroughAUserInstallWhereTheBotIsNot_AddressesTheMembersDm(int context, string owners, bool inGuild, string chatId, ChatKind kind)
    {
        var incoming = DiscordMapping.FromInteraction(ParseInteraction(Payloads.SlashCommandThroughInstall(context, owners, inGuild)), Self, Specs);

        Assert.Equal((new ChatAddress("discord", chatId), kind), (incoming?.Chat, incoming?.Kind));
        Assert.Equal("/remind add 8:00", incoming?.Text);
    }

    /// <summary>Declarations shaped like Core's, in the order their options are read.</summary>
    private static CommandSpec? Specs(string name) => name switch
    {
        "timezone" => new CommandSpec(name, "Zone")
        {
            Parameters = [new CommandParameter("zone", ParameterKind.TimeZone, "Zone"), new CommandParameter("label", ParameterKind.Text, "Label") { Required = false }],
        },
        "remind" => new CommandSpec(name, "Remind")
        {
            Subcommands =
            [
                new Subcommand("add", "Add", [new CommandParameter("time", ParameterKind.TimeOfDay, "When")]),
                new Subcommand("pause", "Pause", [new CommandParameter("reminder", ParameterKind.Id, "Which"), new CommandParameter("days", ParameterKind.Count, "Days") { Required = false }]),
            ],
        },
        _ => null,
    };

    [Theory]
    [InlineData("0", false)]
    [InlineData("2048", false)]
    [InlineData("8", true)]
    [InlineData("32", true)]
    [InlineData("8192", true)]
    [InlineData("8589934591", true)]
    [InlineData("not-a-number", false)]
    public void Facts_Permissions_AdministratorWhenAdminManageGuildOrManageMessages(string permissions, bool expected)
    {
        Assert.Equal(expected, DiscordMapping.Facts(new DiscordMember { Permissions = permissions, Roles = ["1"] }).IsChatAdministrator);
    }

    [Fact]
    public void FromInteraction_ButtonPress_CarriesTheCustomIdAsButtonData()
    {
        var incoming = DiscordMapping.FromInteraction(ParseInteraction(Payloads.ButtonPress("kb:techniques")), Self, Specs);

        Assert.NotNull(incoming);
        Assert.Equal(("kb:techniques", ChatKind.Direct), (incoming.ButtonData, incoming.Kind));
        Assert.Equal(SenderFacts.None, incoming.Facts);
    }

    [Fact]
    public void Parse_ReadyWithUnknownFields_ReadsSessionResumeUrlUserAndApplication()
    {
        var ready = JsonSerializer.Deserialize(Payloads.Frame("READY", 1, Payloads.Ready("abc", "wss://resume.example/")), DiscordJsonContext.Default.GatewayFrameReadyEvent)!;

        Assert.Equal(("abc", "wss://resume.example/", Payloads.BotId, Payloads.ApplicationId), (ready.D!.SessionId, ready.D.ResumeGatewayUrl, ready.D.User!.Id, ready.D.Application!.Id));
    }

    [SkippableFact]
    public void Fixture_GatewayReady_ParsesWithUnknownFieldsIgnored()
    {
        var frame = Read<ReadyEvent>("fixtures/discord/gateway_ready.json");

        Assert.Equal((0, 1, "READY"), (frame.Op, frame.S, frame.T));
        Assert.Equal("c5adc7ce7f411cde10440df5f888dc22", frame.D!.SessionId);
        Assert.Equal("wss://gateway.discord.gg/", frame.D.ResumeGatewayUrl);
        Assert.Equal(("344487830824943618", "Reacton"), (frame.D.User!.Id, frame.D.User.Username));
        Assert.Equal("344487830824943618", frame.D.Application!.Id);
    }

    [SkippableFact]
    public void Fixture_HelloCapturedAndHeartbeatAck_HeadersRead()
    {
        var hello = File.ReadAllBytes(TestEnvironment.RequireShared("fixtures/discord/gateway_hello.captured.json"));
        var ack = File.ReadAllBytes(TestEnvironment.RequireShared("fixtures/discord/gateway_heartbeat_ack.json"));

        Assert.Equal(10, GatewayFrameHeader.Read(hello).Op);
        Assert.Equal(41250, JsonSerializer.Deserialize(hello, DiscordJsonContext.Default.GatewayFrameHelloEvent)!.D!.HeartbeatInterval);
        Assert.Equal((11, null, null), (GatewayFrameHeader.Read(ack).Op, GatewayFrameHeader.Read(ack).Sequence, GatewayFrameHeader.Read(ack).Type));
    }

    [SkippableFact]
    public void Fixture_GuildMessageWithDotPrefix_IsNotForTheBot()
    {
        var bytes = File.ReadAllBytes(TestEnvironment.RequireShared("fixtures/discord/message_create.guild.json"));
        var header = GatewayFrameHeader.Read(bytes);
        var message = JsonSerializer.Deserialize(bytes, DiscordJsonContext.Default.GatewayFrameDiscordMessage)!.D!;

        Assert.Equal((3, "MESSAGE_CREATE", "727947198481956945"), (header.Sequence, header.Type, header.ChannelId));
        Assert.Equal((".ping", "694205451682978886"), (message.Content, message.GuildId));
        Assert.Equal(4, message.Member!.Roles!.Count);
        Assert.Null(DiscordMapping.FromMessage(message, Self, messageContent: true));
    }

    [SkippableFact]
    public void Fixture_DirectMessage_MapsToADirectQuestion()
    {
        var message = Read<DiscordMessage>("fixtures/discord/message_create.dm.json").D!;

        var incoming = DiscordMapping.FromMessage(message, Self, messageContent: false);

        Assert.NotNull(incoming);
        Assert.Equal(("Supa Hot", ChatKind.Direct), (incoming.Text, incoming.Kind));
        Assert.Equal(new ChatUser("discord", "53908099506183680", "Mason"), incoming.Sender);
        Assert.Equal("290926798999357250", incoming.Chat.ChatId);
    }

    [SkippableFact]
    public void Fixture_GuildInteraction_MapsOptionsFactsAndInvoker()
    {
        var interaction = Read<DiscordInteraction>("fixtures/discord/interaction_create.guild.json").D!;

        var incoming = DiscordMapping.FromInteraction(interaction, Self, Specs);

        Assert.NotNull(incoming);
        Assert.Equal("/payload hello 52 false 609370233916096514 339318275320184833 352205866889641984", incoming.Text);
        Assert.Equal(("275616469906358273", "Shadorc"), (incoming.Sender.UserId, incoming.Sender.DisplayName));
        Assert.True(incoming.Facts.IsChatAdministrator);
        Assert.Equal(["609370233916096514"], incoming.Facts.RoleIds);
        Assert.Equal(("hunter2", "352205866889641984"), (interaction.Token, interaction.ApplicationId));
    }

    [SkippableFact]
    public void Fixture_DirectInteractionAndDocsExample_MapToCommands()
    {
        var dm = Read<DiscordInteraction>("fixtures/discord/interaction_create.dm.json").D!;
        var docs = JsonSerializer.Deserialize(File.ReadAllBytes(TestEnvironment.RequireShared("fixtures/discord/interaction.guild.slash_string.docs.json")), DiscordJsonContext.Default.DiscordInteraction)!;

        var fromDm = DiscordMapping.FromInteraction(dm, Self, Specs);
        var fromDocs = DiscordMapping.FromInteraction(docs, Self, Specs);

        Assert.Equal(("/link The Gitrog Monster", ChatKind.Direct), (fromDm?.Text, fromDm?.Kind));
        Assert.Equal("Mason", fromDm?.Sender.DisplayName);
        Assert.Equal(("/cardsearch The Gitrog Monster", ChatKind.Group, true), (fromDocs?.Text, fromDocs?.Kind, fromDocs?.Facts.IsChatAdministrator));
    }

    private static DiscordMessage Parse(string data) =>
        JsonSerializer.Deserialize(Payloads.Frame("MESSAGE_CREATE", 2, data), DiscordJsonContext.Default.GatewayFrameDiscordMessage)!.D!;

    private static DiscordInteraction ParseInteraction(string data) =>
        JsonSerializer.Deserialize(Payloads.Frame("INTERACTION_CREATE", 3, data), DiscordJsonContext.Default.GatewayFrameDiscordInteraction)!.D!;

    private static GatewayFrame<T> Read<T>(string fixture)
    {
        var bytes = File.ReadAllBytes(TestEnvironment.RequireShared(fixture));
        var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<GatewayFrame<T>>)DiscordJsonContext.Default.GetTypeInfo(typeof(GatewayFrame<T>))!;
        return JsonSerializer.Deserialize(bytes, info)!;
    }
}
