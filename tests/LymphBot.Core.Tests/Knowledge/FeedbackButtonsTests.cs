using LymphBot.Core.Chat;
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

    private static IncomingMessage Press(TestChat bot, string data) =>
        new(bot.Address, bot.Member, string.Empty, bot.Kind, false, TestChat.BotName, data);
}
