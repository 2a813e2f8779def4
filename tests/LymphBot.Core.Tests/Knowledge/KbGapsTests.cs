using LymphBot.Core.Chat;
using LymphBot.Core.Knowledge;
using LymphBot.Testing.Moderation;

namespace LymphBot.Core.Tests.Knowledge;

/// <summary>Who reads which unanswered questions: a group's moderators their group's, configured moderators private ones.</summary>
public sealed class KbGapsTests
{
    private const string PrivateQuestion = "what about my hiv status and my secret partner";
    private static readonly ChatUser Asker = new("telegram", "501", "Asker");
    private static readonly ChatUser GroupAdmin = new("telegram", "777", "Mallory");
    private static readonly ChatUser Operator = new("telegram", "900", "Olga");
    private static readonly ChatAddress AskerPrivateChat = new("telegram", "501");
    private static readonly ChatAddress MalloryGroup = new("telegram", "-100777");
    private static readonly ChatAddress OtherGroup = new("telegram", "-100888");
    private static readonly SenderFacts Admin = new(true, []);

    [Fact]
    public async Task KbGaps_GroupAdministrator_NeverSeesPrivateQuestionsOrOtherGroups()
    {
        using var bot = KnowledgeBot.Create(new() { ["Moderators:Users:0"] = "telegram:900" });
        await bot.As(Asker, AskerPrivateChat, ChatKind.Direct).Send("What about my HIV status and my secret partner?").ExpectReplyContaining("don't know");
        await bot.As(Asker, OtherGroup, ChatKind.Group).Send("/ask what colour is the moon").ExpectReplyContaining("don't know");

        var mallory = bot.As(GroupAdmin, MalloryGroup, ChatKind.Group, Admin);
        await mallory.Send("/kb gaps").ExpectReply(r => r == "No unanswered questions in this chat so far.");

        // Her own private chat with the bot does not open the private inbox either: she is not a configured moderator.
        var reply = await bot.As(GroupAdmin, new ChatAddress("telegram", "777"), ChatKind.Direct, Admin).Send("/kb gaps")
            .ExpectReply(r => r.StartsWith("Questions asked in private chats are shown only to the bot's configured moderators", StringComparison.Ordinal));
        Assert.True(reply.Private);
        Assert.DoesNotContain("hiv", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(bot.Get<InMemoryAuditLog>().Entries, e => e.Action == "kb" && !e.Allowed && e.Actor == GroupAdmin);
    }

    [Fact]
    public async Task KbGaps_InAGroup_ShowsOnlyThatGroupsQuestions()
    {
        using var bot = KnowledgeBot.Create(new() { ["Moderators:Users:0"] = "telegram:900" });
        await bot.As(Asker, MalloryGroup, ChatKind.Group).Send("/ask what colour is the moon").ExpectReplyContaining("don't know");
        await bot.As(Asker, OtherGroup, ChatKind.Group).Send("/ask best pasta recipe").ExpectReplyContaining("don't know");

        await bot.As(GroupAdmin, MalloryGroup, ChatKind.Group, Admin).Send("/kb gaps")
            .ExpectReply(r => r.Contains("\"what colour is the moon\" — asked 1×", StringComparison.Ordinal) && !r.Contains("pasta", StringComparison.Ordinal));

        // The configured moderator too sees only this group's questions when asking in it.
        await bot.As(Operator, MalloryGroup, ChatKind.Group).Send("/kb gaps")
            .ExpectReply(r => r.Contains("moon", StringComparison.Ordinal) && !r.Contains("pasta", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KbGaps_ConfiguredModeratorInPrivate_SeesPrivateQuestions_ButNotInAGroup()
    {
        using var bot = KnowledgeBot.Create(new() { ["Moderators:Users:0"] = "telegram:900" });
        await bot.As(Asker, AskerPrivateChat, ChatKind.Direct).Send("What about my HIV status and my secret partner?").ExpectReplyContaining("don't know");

        var reply = await bot.As(Operator, new ChatAddress("telegram", "900"), ChatKind.Direct).Send("/kb gaps")
            .ExpectReply(r => r.Contains($"\"{PrivateQuestion}\" — asked 1×", StringComparison.Ordinal));
        Assert.True(reply.Private);

        await bot.As(Operator, MalloryGroup, ChatKind.Group).Send("/kb gaps").ExpectReply(r => !r.Contains("hiv", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Gaps_FromPrivateChats_AreFiledWithoutTheChatId()
    {
        using var bot = KnowledgeBot.Create(new() { ["Moderators:Users:0"] = "telegram:900" });

        await bot.As(Asker, AskerPrivateChat, ChatKind.Direct).Send("best pasta recipe").ExpectReplyContaining("don't know");

        var gaps = bot.Get<IQuestionGapStore>();
        Assert.Single(await gaps.TopAsync(GapScope.Of(AskerPrivateChat, ChatKind.Direct), 10, CancellationToken.None));
        Assert.Equal(GapScope.PrivateChatId, GapScope.Of(AskerPrivateChat, ChatKind.Direct).ChatId);
    }
}
