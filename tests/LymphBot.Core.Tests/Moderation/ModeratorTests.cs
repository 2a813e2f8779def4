using LymphBot.Core.Chat;
using LymphBot.Core.Tests.Tips;
using LymphBot.Testing.Moderation;
using LymphBot.Testing.Scheduling;
using LymphBot.Testing.Tips;

namespace LymphBot.Core.Tests.Moderation;

/// <summary>Who moderates (configured ids, a chat's administrators, Discord roles), and that every attempt is audited.</summary>
public sealed class ModeratorTests
{
    private const string Refusal = "Only this chat's moderators can do that.";

    [Theory]
    [InlineData("/tip add Sneaky tip", "tip add")]
    [InlineData("/tip queue", "tip queue")]
    [InlineData("/tip approve 1", "tip approve")]
    [InlineData("/tip reject 1 no", "tip reject")]
    [InlineData("/tip list", "tip list")]
    [InlineData("/tip remove 1", "tip remove")]
    [InlineData("/tip post", "tip post")]
    [InlineData("/tip log", "tip log")]
    [InlineData("/tips daily 9:00 UTC", "tips")]
    [InlineData("/tips off", "tips")]
    [InlineData("/tips", "tips")]
    public async Task Member_ModeratorCommand_IsRefused_Audited_AndChangesNothing(string command, string action)
    {
        using var chat = CommunityBot.Create(moderator: false);
        await chat.OtherMember("44", "Cy").Send("/tip suggest Hum while you massage.");

        await chat.Send(command).ExpectReplyContaining(Refusal);

        var entry = Assert.Single(chat.Get<InMemoryAuditLog>().Entries);
        Assert.Equal((action, false, chat.Member, chat.Address), (entry.Action, entry.Allowed, entry.Actor, entry.Chat));
        Assert.Equal(Core.Tips.TipStatus.Pending, Assert.Single(chat.Get<InMemoryTipStore>().All).Status);
        Assert.Empty(chat.Get<InMemoryReminderStore>().All);
    }

    [Fact]
    public async Task ChatAdministrator_IsAModerator_AndTheActionIsAuditedAsAllowed()
    {
        using var chat = CommunityBot.Create(moderator: true);

        await chat.Send("/tip add Drink water.").ExpectReplyContaining("Added tip #1.");

        var entry = Assert.Single(chat.Get<InMemoryAuditLog>().Entries);
        Assert.Equal(("tip add", "Drink water.", true, chat.Member), (entry.Action, entry.Detail, entry.Allowed, entry.Actor));
    }

    [Fact]
    public async Task ChatAdministrator_OfOneChat_IsNotAModeratorInAnother()
    {
        using var chat = CommunityBot.Create(moderator: true);
        var elsewhere = chat.As(chat.Member, new ChatAddress("test", "group-2"), ChatKind.Group);

        await elsewhere.Send("/tip add Drink water.").ExpectReplyContaining(Refusal);

        Assert.Empty(chat.Get<InMemoryTipStore>().All);
    }

    [Fact]
    public async Task ConfiguredModerator_ModeratesEveryChat_WithoutBeingItsAdministrator()
    {
        using var chat = CommunityBot.Create(moderator: false, configuration: new() { ["Moderators:Users:0"] = "TEST:42" });
        var elsewhere = chat.As(chat.Member, new ChatAddress("test", "group-2"), ChatKind.Group);

        await chat.Send("/tip add Drink water.").ExpectReplyContaining("Added tip #1.");
        await elsewhere.Send("/tip add Rest well.").ExpectReplyContaining("Added tip #2.");
        await chat.OtherMember().Send("/tip add Sneaky tip").ExpectReplyContaining(Refusal);

        Assert.Equal(2, chat.Get<InMemoryTipStore>().All.Count);
    }

    [Fact]
    public async Task ConfiguredModerator_OnAnotherPlatform_IsNotAModeratorHere()
    {
        using var chat = CommunityBot.Create(moderator: false, configuration: new() { ["Moderators:Users:0"] = "discord:42" });

        await chat.Send("/tip add Drink water.").ExpectReplyContaining(Refusal);

        Assert.Empty(chat.Get<InMemoryTipStore>().All);
    }

    [Theory]
    [InlineData("discord", "999", true)]
    [InlineData("discord", "111", false)]
    [InlineData("telegram", "999", false)]
    public async Task DiscordRole_Configured_MakesItsMembersModerators_OnDiscordOnly(string platform, string role, bool moderates)
    {
        using var bot = CommunityBot.Create(moderator: false, configuration: new() { ["Moderators:DiscordRoleIds:0"] = "999" });
        var chat = bot.As(new ChatUser(platform, "42", "Ada"), new ChatAddress(platform, "g1"), ChatKind.Group, new SenderFacts(false, [role]));

        await chat.Send("/tip add Drink water.").ExpectReplyContaining(moderates ? "Added tip #1." : Refusal);

        Assert.Equal(moderates ? 1 : 0, bot.Get<InMemoryTipStore>().All.Count);
        Assert.Equal(moderates, Assert.Single(bot.Get<InMemoryAuditLog>().Entries).Allowed);
    }

    [Fact]
    public async Task RefusedAttempts_ShowInTheModeratorsLog_MarkedRefused()
    {
        using var chat = CommunityBot.Create(moderator: true);
        await chat.OtherMember().Send("/tip remove 1").ExpectReplyContaining(Refusal);

        await chat.Send("/tip log").ExpectReplyContaining("Bob (test:43): tip remove 1 (refused)");
    }

    [Fact]
    public async Task Refusal_InAThread_IsAuditedForTheWholeChat_WithALongDetailCut()
    {
        using var chat = CommunityBot.Create(moderator: false);
        var thread = chat.As(chat.Member, chat.Address with { ThreadId = "7" }, ChatKind.Group);

        await thread.Send("/tip add " + new string('x', 300)).ExpectReplyContaining(Refusal);

        var entry = Assert.Single(chat.Get<InMemoryAuditLog>().Entries);
        Assert.Equal((chat.Address, 201), (entry.Chat, entry.Detail.Length));
        Assert.EndsWith("x…", entry.Detail, StringComparison.Ordinal);
    }
}
