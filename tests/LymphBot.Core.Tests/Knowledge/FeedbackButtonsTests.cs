using LymphBot.Core.Chat;
using LymphBot.Core.Knowledge;
using LymphBot.Testing.Conversations;
using LymphBot.Testing.Knowledge;

namespace LymphBot.Core.Tests.Knowledge;

public sealed class FeedbackButtonsTests
{
    [Fact]
    public async Task Press_FortyTimes_StoresOneVote_AndIsRateLimitedAfterTen()
    {
        using var bot = KnowledgeBot.Create();
        var replies = new List<Reply?>();

        for (var i = 0; i < 40; i++)
        {
            replies.Add(await bot.Router.HandleAsync(Press(bot, i % 2 == 0 ? "fb:up:reduce-swelling" : "fb:down:reduce-swelling"), CancellationToken.None));
        }

        Assert.Equal(10, replies.Count(r => r?.Text.StartsWith("Thanks", StringComparison.Ordinal) == true));
        Assert.Equal(1, replies.Count(r => r?.Text.StartsWith("You're sending messages faster", StringComparison.Ordinal) == true));
        Assert.Equal(29, replies.Count(r => r is null));
        var vote = Assert.Single(bot.Get<InMemoryAnswerFeedbackStore>().Votes);
        Assert.False(vote.Helpful); // the tenth press, a 👎, is the one that counts

        // A minute later the member may press again; questions were never limited by the presses.
        await bot.Send("what is lymphatic massage").ExpectReplyContaining("manual lymphatic drainage");
        bot.Time.Advance(TimeSpan.FromMinutes(1));
        await bot.Press("fb:up:reduce-swelling").ExpectReplyContaining("Thanks! Glad that helped.");
        Assert.True(Assert.Single(bot.Get<InMemoryAnswerFeedbackStore>().Votes).Helpful);
    }

    [Fact]
    public async Task ThumbsDown_OnAnAnswer_KeepsTheQuestionAndWhereItWasAsked_ThumbsUpKeepsNone()
    {
        using var bot = KnowledgeBot.Create();
        var answer = await bot.Send("What is lymphatic massage?").ExpectReplyContaining("manual lymphatic drainage");
        var buttons = answer.Buttons.SelectMany(r => r).ToList();
        var down = buttons.Single(b => b.Label == "👎").Data;
        Assert.Matches("^fb:down:[a-z0-9-]+:[0-9a-f]{10}$", down);
        Assert.All(buttons, b => Assert.True(System.Text.Encoding.UTF8.GetByteCount(b.Data) <= ReplyButton.MaxDataBytes));

        await bot.Press(down).ExpectReplyContaining("Our moderators will look at this answer");
        var vote = Assert.Single(bot.Get<InMemoryAnswerFeedbackStore>().Votes);
        Assert.Equal(("what is lymphatic massage", GapScope.Of(bot.Address, bot.Kind)), (vote.Question, vote.Scope));

        await bot.Press(buttons.Single(b => b.Label == "👍").Data).ExpectReplyContaining("Glad that helped");
        Assert.Null(Assert.Single(bot.Get<InMemoryAnswerFeedbackStore>().Votes).Question);
    }

    [Fact]
    public async Task ThumbsDown_PressedByAnotherMember_CountsTheirVote_ButKeepsNotTheAskersQuestion()
    {
        using var bot = KnowledgeBot.Create();
        var answer = await bot.Send("What is lymphatic massage?").ExpectReplyContaining("manual lymphatic drainage");
        var down = answer.Buttons.SelectMany(r => r).Single(b => b.Label == "👎").Data;
        var other = bot.Member with { UserId = bot.Member.UserId + "-other", DisplayName = "Other" };

        var reply = await bot.Router.HandleAsync(
            new IncomingMessage(bot.Address, other, string.Empty, bot.Kind, false, TestChat.BotName, down), CancellationToken.None);

        Assert.Contains("Our moderators will look at this answer", reply?.Text, StringComparison.Ordinal);
        var vote = Assert.Single(bot.Get<InMemoryAnswerFeedbackStore>().Votes);
        Assert.Equal(other.UserId, vote.Voter.UserId);
        Assert.Null(vote.Question); // the asker's words are not filed under someone else's id
    }

    private static IncomingMessage Press(TestChat bot, string data) =>
        new(bot.Address, bot.Member, string.Empty, bot.Kind, false, TestChat.BotName, data);
}
