using LymphBot.Core.Chat;
using LymphBot.Core.Tips;
using LymphBot.Testing.Chat;
using LymphBot.Testing.Tips;

namespace LymphBot.Core.Tests.Tips;

/// <summary>/tip through the real router on in-memory stores: what each action says, and what it stores.</summary>
public sealed class TipCommandTests
{
    [Fact]
    public async Task TipAdd_ByModerator_AddsAnApprovedTipOfThisChat_AndListShowsIt()
    {
        using var chat = CommunityBot.Create();

        await chat.Send("/tip add Drink a glass of water after your routine.").ExpectReplyContaining("Added tip #1.");
        await chat.Send("/tip list").ExpectReply(r => r.Contains("#1 Drink a glass of water", StringComparison.Ordinal) && r.Contains("plus 2 seed tips", StringComparison.Ordinal));

        var tip = Assert.Single(chat.Get<InMemoryTipStore>().All);
        Assert.Equal((TipStatus.Approved, chat.Address, (ChatUser?)null), (tip.Status, tip.Community, tip.SuggestedBy));
    }

    [Fact]
    public async Task TipAdd_SameTextInAnotherCase_PointsToTheExistingTip_AndChangesNothing()
    {
        using var chat = CommunityBot.Create();
        await chat.Send("/tip add Notice how your body feels today.");

        await chat.Send("/tip add  notice how your BODY feels today!! ").ExpectReplyContaining("already in the pool as #1. Nothing changed.");

        Assert.Single(chat.Get<InMemoryTipStore>().All);
    }

    [Theory]
    [InlineData("/tip add", "/tip add needs <text>")]
    [InlineData("/tip add    ", "/tip add needs <text>")]
    [InlineData("/tip suggest", "/tip suggest needs <text>")]
    public async Task TipAddOrSuggest_WithoutText_GetsAFriendlyReply_AndStoresNothing(string command, string expected)
    {
        using var chat = CommunityBot.Create();

        await chat.Send(command).ExpectReplyContaining(expected);

        Assert.Empty(chat.Get<InMemoryTipStore>().All);
    }

    [Fact]
    public async Task TipAdd_OverTheLengthLimit_SaysTheLimit_AndStoresNothing()
    {
        using var chat = CommunityBot.Create();

        await chat.Send("/tip add " + new string('x', TipBoard.MaxLength + 1)).ExpectReplyContaining("1001 characters; please keep tips to 1000");

        Assert.Empty(chat.Get<InMemoryTipStore>().All);
    }

    [Fact]
    public async Task TipRemove_OwnTip_RemovesIt_AndAgainOrAnUnreadableIdChangesNothing()
    {
        using var chat = CommunityBot.Create();
        await chat.Send("/tip add Rest your arms on a pillow.");
        await chat.Send("/tip add Stretch gently.");

        await chat.Send("/tip remove 1").ExpectReplyContaining("Removed tip #1.");
        await chat.Send("/tip remove 1").ExpectReplyContaining("This chat has no tip with that id.");
        await chat.Send("/tip remove two").ExpectReplyContaining("\"two\" is not <tip>, which takes a number such as 3.");

        Assert.Equal(["Stretch gently."], chat.Get<InMemoryTipStore>().All.Select(t => t.Text));
    }

    [Fact]
    public async Task TipRemove_TipOfAnotherChat_IsNotFound_AndStays()
    {
        using var chat = CommunityBot.Create();
        var otherGroup = chat.As(chat.Member, new ChatAddress("test", "group-2"), ChatKind.Group, new SenderFacts(true, []));
        await otherGroup.Send("/tip add A tip of the other group.").ExpectReplyContaining("Added tip #1.");

        await chat.Send("/tip remove 1").ExpectReplyContaining("This chat has no tip with that id.");
        await chat.Send("/tip post 1").ExpectReplyContaining("This chat has no approved tip with that id.");

        Assert.Single(chat.Get<InMemoryTipStore>().All);
    }

    [Fact]
    public async Task TipPost_WithAnId_PostsThatTip_Escaped()
    {
        using var chat = CommunityBot.Create();
        await chat.Send("/tip add Keep **your** touch light @everyone");

        var reply = await chat.Send("/tip post 1").ExpectReplyContaining("Keep **your** touch light @everyone");

        Assert.Equal("💡 **Tip**\n" + ReplyMarkup.Escape("Keep **your** touch light @everyone"), reply.Text);
    }

    [Fact]
    public async Task TipPost_WithoutAnId_PostsEveryTipOfThePoolOnce_BeforeAnyRepeats()
    {
        using var chat = CommunityBot.Create();
        await chat.Send("/tip add Drink water.");

        var posts = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            posts.Add((await chat.Send("/tip post").ExpectReplyContaining("Tip")).Text);
        }

        Assert.Equal(
            [SeedKnowledge.FirstSeed, "Drink water.", SeedKnowledge.SecondSeed],
            posts.Select(p => ReplyMarkup.ToPlainText(p)["💡 Tip\n".Length..]).Order(StringComparer.Ordinal));
        Assert.Single(await chat.Get<ITipStore>().PostedAsync(chat.Address, CancellationToken.None), key => key == "t:1");
        await chat.Send("/tip post").ExpectReplyContaining("Tip");
        Assert.Single(await chat.Get<ITipStore>().PostedAsync(chat.Address, CancellationToken.None));
    }

    [Fact]
    public async Task TipPost_PendingSuggestion_IsNotPosted()
    {
        using var chat = CommunityBot.Create();
        await chat.OtherMember().Send("/tip suggest Hum while you massage.").ExpectReplyContaining("#1 is waiting");

        await chat.Send("/tip post 1").ExpectReplyContaining("This chat has no approved tip with that id.");
    }

    [Fact]
    public async Task TipSuggest_ByMember_WaitsInTheQueue_AndApprovalTellsTheSuggesterWhereTheySuggestedIt()
    {
        using var chat = CommunityBot.Create();
        var bob = chat.OtherMember();

        await bob.Send("/tip suggest Hum while you massage.").ExpectReplyContaining("Thank you! Your tip #1 is waiting for a moderator to review it.");
        await chat.Send("/tip queue").ExpectReplyContaining("#1 Hum while you massage.");
        await chat.Send("/tip approve 1").ExpectReplyContaining("Approved tip #1.");

        var (address, notice) = Assert.Single(chat.Get<RecordingPlatform>().All);
        Assert.Equal(chat.Address, address);
        Assert.Equal("Good news: your tip #1 was approved and joins the tip of the day.", notice.Text);
        var tip = Assert.Single(chat.Get<InMemoryTipStore>().All);
        Assert.Equal((TipStatus.Approved, "43"), (tip.Status, tip.SuggestedBy?.UserId));
        await chat.Send("/tip queue").ExpectReplyContaining("No suggestions are waiting.");
        await chat.Send("/tip list").ExpectReplyContaining("#1 Hum while you massage.");
    }

    [Fact]
    public async Task TipReject_WithAReason_TellsTheSuggesterWhy_AndTheTipStaysOutOfThePool()
    {
        using var chat = CommunityBot.Create();
        await chat.OtherMember().Send("/tip suggest Massage as hard as you can.");

        await chat.Send("/tip reject 1 Lymphatic massage is gentle").ExpectReplyContaining("Rejected tip #1.");

        Assert.Equal("Your tip #1 was not added. Reason: Lymphatic massage is gentle", Assert.Single(chat.Get<RecordingPlatform>().All).Reply.Text);
        Assert.Equal(TipStatus.Rejected, Assert.Single(chat.Get<InMemoryTipStore>().All).Status);
        await chat.Send("/tip list").ExpectReplyContaining("This chat has no tips of its own yet");
    }

    [Theory]
    [InlineData("/tip approve 99", "No waiting suggestion has that id.")]
    [InlineData("/tip approve", "/tip approve needs <tip>: a number such as 3.")]
    [InlineData("/tip reject x", "/tip reject: \"x\" is not <tip>, which takes a number such as 3.")]
    public async Task TipDecide_UnknownOrUnreadableId_GetsAFriendlyReply_AndNotifiesNobody(string command, string expected)
    {
        using var chat = CommunityBot.Create();
        await chat.OtherMember().Send("/tip suggest Hum while you massage.");

        await chat.Send(command).ExpectReplyContaining(expected);

        Assert.Equal(TipStatus.Pending, Assert.Single(chat.Get<InMemoryTipStore>().All).Status);
        Assert.Empty(chat.Get<RecordingPlatform>().All);
    }

    [Fact]
    public async Task TipApprove_AlreadyDecided_ChangesNothing_AndNotifiesOnce()
    {
        using var chat = CommunityBot.Create();
        await chat.OtherMember().Send("/tip suggest Hum while you massage.");
        await chat.Send("/tip approve 1");

        await chat.Send("/tip reject 1").ExpectReplyContaining("No waiting suggestion has that id.");

        Assert.Equal(TipStatus.Approved, Assert.Single(chat.Get<InMemoryTipStore>().All).Status);
        Assert.Single(chat.Get<RecordingPlatform>().All);
    }

    [Fact]
    public async Task TipSuggest_TextAlreadyKnown_PointsToTheExistingTip()
    {
        using var chat = CommunityBot.Create();
        await chat.Send("/tip add Drink water.");

        await chat.OtherMember().Send("/tip suggest drink WATER").ExpectReplyContaining("That tip is already known as #1.");

        Assert.Single(chat.Get<InMemoryTipStore>().All);
    }

    [Theory]
    [InlineData("/tip", "Usage: /tip suggest|add|queue|approve|reject|list|remove|post|log")]
    [InlineData("/tip frobnicate 3", "/tip has no \"frobnicate\": use /tip suggest, /tip add,")]
    public async Task Tip_WithoutAKnownAction_RepliesWithTheUsage_AndAuditsNothing(string command, string expected)
    {
        using var chat = CommunityBot.Create();

        await chat.Send(command).ExpectReplyContaining(expected);

        Assert.Empty(chat.Get<Testing.Moderation.InMemoryAuditLog>().Entries);
    }

    [Fact]
    public async Task TipLog_ListsModeratorActions_NewestFirst()
    {
        using var chat = CommunityBot.Create();
        await chat.Send("/tip add Drink water.");
        chat.Time.Advance(TimeSpan.FromMinutes(5));
        await chat.Send("/tip remove 1");

        var log = await chat.Send("/tip log").ExpectReplyContaining("Moderator actions");

        var lines = ReplyMarkup.ToPlainText(log.Text).Split('\n');
        Assert.Equal("2026-11-23 08:05 Ada (test:42): tip remove 1", lines[1]);
        Assert.Equal("2026-11-23 08:00 Ada (test:42): tip add Drink water.", lines[2]);
    }
}
