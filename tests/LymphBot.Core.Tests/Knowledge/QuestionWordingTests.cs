using LymphBot.Core.Knowledge;

namespace LymphBot.Core.Tests.Knowledge;

/// <summary>Typos in the opening asking word, real words left as typed, which sentences ask, and one-way synonyms that are also a phrase's later word.</summary>
public sealed class QuestionWordingTests
{
    private static SpellingCorrector Corrector => KnowledgeBase.TryLoad(ShippedKnowledge.Folder).Loaded!.Index.Corrector;

    [Theory]
    [InlineData("wat is mld", "what is mld")]
    [InlineData("hw does lymph drainage work", "how does lymph drainage work")]
    [InlineData("whta are the benefits", "what are the benefits")]
    [InlineData("I read about it. wat is it for?", "I read about it. what is it for?")]
    public void Correct_TypoInOpeningAskingWord_IsFixed(string question, string expected)
    {
        Assert.Equal(expected, Corrector.Correct(question));
    }

    [Theory]
    [InlineData("is lymph drainage good for ibs")]
    [InlineData("can it help pms bloating")]
    [InlineData("ibs and mld")]
    public void Correct_ShortWordElsewhereOrAnAbbreviation_IsLeftAlone(string question)
    {
        Assert.Equal(question, Corrector.Correct(question));
    }

    [Theory]
    [InlineData("i get spots in front of my eyes")]
    [InlineData("why am i so emotional lately")]
    [InlineData("can it lift my spirits")]
    [InlineData("my fingers feel numb")]
    [InlineData("does it help massages work better")]
    public void Correct_CommonEnglishWordOrPluralOfAKnownWord_StaysAsTyped(string question)
    {
        Assert.Equal(question, Corrector.Correct(question));
    }

    [Theory]
    [InlineData("does it help my imune system", "does it help my immune system")]
    [InlineData("what is lymfatic drainige", "what is lymphatic drainage")]
    [InlineData("the benifits of mld", "the benefits of mld")]
    [InlineData("can it reduse sweling", "can it reduce swelling")]
    [InlineData("is lymphatic message good for me", "is lymphatic massage good for me")]
    public void Correct_MisspelledDomainWord_IsStillFixed(string question, string expected)
    {
        Assert.Equal(expected, Corrector.Correct(question));
    }

    [Theory]
    [InlineData("My legs ache for days after a race. Will it help me recover?", "Will it help me recover?")]
    [InlineData("is it safe, and how often can I go", "is it safe, and how often can I go")]
    [InlineData("MLD vs cupping, which helps more?", "MLD vs cupping, which helps more?")]
    [InlineData("Everyone says they are certified. How do I know?", "Everyone says they are certified. How do I know?")]
    public void Asking_ReturnsTheSentencesThatAskWithASubject(string message, string expected)
    {
        Assert.Equal(expected, QuestionFocus.Asking(message));
    }

    [Theory]
    [InlineData("after a hip replacement", "surgeri")]
    [InlineData("can it be deeper", "pressur")]
    [InlineData("after my hernia repair", "surgeri")]
    public void Terms_OneWaySynonymThatIsAlsoAPhrasesLaterWord_IsKept(string text, string term)
    {
        var rules = ShippedKnowledge.Instance.Snapshot.Synonyms;
        using var analyzer = new QuestionAnalyzer(QuestionAnalyzer.ParseSynonyms(rules), rules);

        Assert.Contains(analyzer.Terms(text), t => t.Term == term);
    }

    [Fact]
    public void Terms_LymphAlone_IsStillNotTheTherapy()
    {
        var rules = ShippedKnowledge.Instance.Snapshot.Synonyms;
        using var analyzer = new QuestionAnalyzer(QuestionAnalyzer.ParseSynonyms(rules), rules);

        Assert.DoesNotContain(analyzer.Terms("what does lymph do in the body"), t => t.Term == "mld");
    }
}
