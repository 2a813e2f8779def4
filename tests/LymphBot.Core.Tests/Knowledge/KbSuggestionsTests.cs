using LymphBot.Core.Chat;
using LymphBot.Core.Knowledge;
using LymphBot.Testing.Conversations;
using LymphBot.Testing.Moderation;

namespace LymphBot.Core.Tests.Knowledge;

/// <summary>
/// Suggested phrasings quote questions from every chat and an approval changes answers everywhere: only configured
/// moderators, in a private chat, see or decide them; a group's administrator never does.
/// </summary>
public sealed class KbSuggestionsTests
{
    // Split between two entries, so the bot asks "Did you mean…?".
    private const string SplitQuestion = "sleep after surgery";
    private static readonly ChatUser Asker = new("telegram", "501", "Asker");
    private static readonly ChatUser GroupAdmin = new("telegram", "777", "Mallory");
    private static readonly ChatUser Operator = new("telegram", "900", "Olga");
    private static readonly ChatAddress MalloryGroup = new("telegram", "-100777");
    private static readonly SenderFacts Admin = new(true, []);

    [Fact]
    public async Task KbSuggestions_GroupAdministrator_SeesNoQuestion_AndCannotApprove()
    {
        using var bot = KnowledgeBot.Create(new() { ["Moderators:Users:0"] = "telegram:900" });
        await ChooseFirstCandidateAsync(bot);
        var mallory = bot.As(GroupAdmin, MalloryGroup, ChatKind.Group, Admin);

        var listed = await mallory.Send("/kb suggestions").ExpectReply(r => r.StartsWith("Suggested phrasings come from every chat", StringComparison.Ordinal));
        var approved = await mallory.Press($"{KbSuggestions.ButtonPrefix}:approve:1").ExpectReply(r => r.StartsWith("Suggested phrasings come from every chat", StringComparison.Ordinal));
        var typed = await bot.As(GroupAdmin, new ChatAddress("telegram", "777"), ChatKind.Direct, Admin).Send("/kb suggestions approve 1")
            .ExpectReply(r => r.StartsWith("Suggested phrasings come from every chat", StringComparison.Ordinal));

        Assert.All([listed, approved, typed], r => Assert.DoesNotContain("surgery", r.Text, StringComparison.Ordinal));
        Assert.All([listed, approved, typed], r => Assert.True(r.Private));
        Assert.Empty(await bot.Get<ISuggestedPhrasingStore>().ListAsync(SuggestionStatus.Approved, CancellationToken.None));
        Assert.Equal(3, bot.Get<InMemoryAuditLog>().Entries.Count(e => e.Action == "kb suggestions" && !e.Allowed && e.Actor == GroupAdmin));
    }

    [Fact]
    public async Task KbSuggestions_ConfiguredModerator_InAGroup_IsRefused_InPrivate_ListsAndApproves()
    {
        using var bot = KnowledgeBot.Create(new() { ["Moderators:Users:0"] = "telegram:900" });
        await ChooseFirstCandidateAsync(bot);

        await bot.As(Operator, MalloryGroup, ChatKind.Group).Send("/kb suggestions")
            .ExpectReply(r => r.StartsWith("Suggested phrasings come from every chat", StringComparison.Ordinal) && !r.Contains("surgery", StringComparison.Ordinal));

        var olga = bot.As(Operator, new ChatAddress("telegram", "900"), ChatKind.Direct);
        var list = await olga.Send("/kb suggestions").ExpectReplyContaining($"\"{SplitQuestion}\"");
        Assert.True(list.Private);
        await olga.Press($"{KbSuggestions.ButtonPrefix}:approve:1").ExpectReplyContaining("Approved suggestion #1");

        await bot.As(Asker, new ChatAddress("telegram", "501"), ChatKind.Direct).Send(SplitQuestion).ExpectReply(r => !r.StartsWith("I'm not sure which question you mean", StringComparison.Ordinal));
    }

    private static async Task ChooseFirstCandidateAsync(TestChat bot)
    {
        var asker = bot.As(Asker, new ChatAddress("telegram", "501"), ChatKind.Direct);
        var clarify = await asker.Send(SplitQuestion).ExpectReply(r => r.StartsWith("I'm not sure which question you mean", StringComparison.Ordinal));
        await asker.Press(clarify.Buttons[0][0].Data).ExpectReply(r => r.Length > 0);
        Assert.Single(await bot.Get<ISuggestedPhrasingStore>().ListAsync(SuggestionStatus.Pending, CancellationToken.None));
    }
}
