using LymphBot.Core.Knowledge;

namespace LymphBot.Core.Tests.Knowledge;

/// <summary>The kinds of question issue 13 named: filler, typos, story around a question, near-miss words, and kinds the source never answers.</summary>
public sealed class AnswerUnderstandingTests
{
    private static KnowledgeBase Base => ShippedKnowledge.Instance;

    [Theory]
    [InlineData("What exactly is lymphatic drainage massage, in plain words?", "what-is-lymphatic-massage")]
    [InlineData("limfatic masage for sweling?", "reduce-swelling")]
    [InlineData("I had a knee op last month and I'm bored at home. Will it help the healing?", "after-surgery-or-injury")]
    [InlineData("Often after my workouts my legs ache, does this help?", "athlete-recovery")]

    // Everyday words around the subject (abstract nouns, where it was heard, chat shorthand, a story's circumstances).
    [InlineData("what does a typical lymph drainage session involve", "what-happens-in-a-session")]
    [InlineData("heard about it on tiktok lol, what is mld", "what-is-lymphatic-massage")]
    [InlineData("my ankles swell by the end of every shift, would lymph drainage help", "reduce-swelling")]
    [InlineData("so anxious w work rn, would lymph massage help", "anxiety")]
    [InlineData("do I need a lesson from a therapist before doing it myself", "self-massage-at-home")]
    public void Ask_FillerTyposOrStory_StillAnswers(string question, string entryId)
    {
        var answer = Base.Ask(question);

        Assert.Equal(AnswerKind.Answer, answer.Kind);
        Assert.Equal(entryId, answer.Entry?.Id);
    }

    [Theory]
    [InlineData("does lymph drainage clear acne at night")]
    [InlineData("my stomach bloating after meals, would lymph massage help")]
    [InlineData("how do I check my lymph therapist's certification")]
    [InlineData("what is the weather")]
    public void Ask_SubjectBesideEverydayWords_StillCounts(string question)
    {
        Assert.Equal(AnswerKind.NotFound, Base.Ask(question).Kind);
    }

    [Theory]
    [InlineData("Does lymphatic drainage help with lipedema?")]
    [InlineData("Can lymph massage reduce cellulite?")]
    [InlineData("Why lymphatic massage for stomach bloating?")]
    [InlineData("Do compression boots work like lymphatic massage?")]
    [InlineData("I read it helps with weight loss. Does that actually work?")]
    public void Ask_SubjectTheSourceDoesNotCover_SaysSoWithoutYes(string question)
    {
        var answer = Base.Ask(question);
        var text = AnswerReplies.FullText(AnswerReplies.ToReply(answer, Base.Snapshot));

        Assert.Equal(AnswerKind.NotFound, answer.Kind);
        Assert.DoesNotContain("Yes", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how much does a session cost", "prices and insurance")]
    [InlineData("can i do lymphatic massage daily", "how long, how often or how soon")]
    [InlineData("why am I sore after a lymphatic massage", "what to do or expect after a session")]
    [InlineData("what are the side effects of mld", "side effects and downsides")]
    public void Ask_KindTheSourceNeverAnswers_IsNotCovered(string question, string kind)
    {
        var answer = Base.Ask(question);

        Assert.Equal(AnswerKind.NotFound, answer.Kind);
        Assert.Equal(kind, answer.NotCoveredKind);
        Assert.StartsWith("Our source doesn't cover that", AnswerReplies.ToReply(answer, Base.Snapshot).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_KindTheEntryWasWrittenFor_IsAnswered()
    {
        Assert.Equal("set-a-reminder", Base.Ask("how do I set up a daily reminder").Entry?.Id);
    }

    [Fact]
    public void Ask_QuestionSplitBetweenTwoEntries_AsksWhichWithButtons()
    {
        var answer = Base.Ask("sleep after surgery");
        var reply = AnswerReplies.ToReply(answer, Base.Snapshot, "k1");

        Assert.Equal(AnswerKind.Clarify, answer.Kind);
        Assert.Equal("clarify", answer.KindName);
        Assert.Equal(["sg:k1:better-sleep", "sg:k1:after-surgery-or-injury"], reply.Buttons.SelectMany(r => r).Select(b => b.Data));
        Assert.All(reply.Buttons.SelectMany(r => r), b => Assert.True(System.Text.Encoding.UTF8.GetByteCount(b.Data) <= LymphBot.Core.Chat.ReplyButton.MaxDataBytes));
    }

    [Theory]
    [InlineData("does mld help with puffy feet or with cellulite", "reduce-swelling", "cellulite")]
    [InlineData("is lymphatic drainage done by hand or with a device", "is-it-invasive|what-is-lymphatic-massage", "device")]
    public void Ask_AlternativeTheSourceNeverNames_AnswersTheOtherAndSaysWhatIsLeftOut(string question, string entryIds, string leftOut)
    {
        var answer = Base.Ask(question);

        Assert.Equal(AnswerKind.Answer, answer.Kind);
        Assert.Contains(answer.Entry!.Id, entryIds.Split('|'));
        Assert.Contains(leftOut, answer.Uncovered);
    }

    [Theory]
    [InlineData("what would lymph drainage do for my body", "main-benefits")]
    [InlineData("whats manual lymphatic drainage useful for", "main-benefits")]
    [InlineData("what does mld mean", "what-is-lymphatic-massage")]
    public void Ask_QuestionNamingOnlyTheTherapy_IsAnsweredByItsForm(string question, string entryId)
    {
        var answer = Base.Ask(question);

        Assert.Equal(AnswerKind.Answer, answer.Kind);
        Assert.Equal(entryId, answer.Entry!.Id);
    }

    [Fact]
    public void ForEntry_PartialMatch_DropsYesAndNamesWhatIsLeftOut()
    {
        var entry = Base.Snapshot.Find("reduce-swelling")!;

        var text = AnswerReplies.ForEntry(entry, Base.Snapshot, ["fibromyalgia"]).Text;

        Assert.StartsWith("Part of your question (“fibromyalgia”) isn't covered by this answer.", text, StringComparison.Ordinal);
        Assert.Contains("Reducing swelling is one of its main benefits", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Yes", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Yes. Our source describes it.", "Our source describes it.")]
    [InlineData("Yes, reducing swelling helps.", "Reducing swelling helps.")]
    [InlineData("According to our source, yes: it helps.", "According to our source, it helps.")]
    [InlineData("Yesterday was fine.", "Yesterday was fine.")]
    public void WithoutYes_RemovesOnlyAnOpeningYes(string answer, string expected)
    {
        Assert.Equal(expected, AnswerReplies.WithoutYes(answer));
    }

    [Theory]
    [InlineData("bloating", "bloating")]
    [InlineData("lipedema", "lipedema")]
    [InlineData("standing", "standing")]
    [InlineData("limfatic", "lymphatic")]
    [InlineData("bebefit", "benefit")]
    public void Corrector_FixesTyposButNotRealWords(string word, string expected)
    {
        var corrector = KnowledgeBase.TryLoad(ShippedKnowledge.Folder).Loaded!.Index.Corrector;

        Assert.Equal(expected, corrector.Correct(word));
    }
}
