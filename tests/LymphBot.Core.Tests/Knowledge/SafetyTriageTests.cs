using LymphBot.Core.Knowledge;

namespace LymphBot.Core.Tests.Knowledge;

public sealed class SafetyTriageTests
{
    [Theory]
    [InlineData("could this be a DVT?")]
    [InlineData("my calf might have a clot")]
    [InlineData("Chest-pain after my session!!")]
    [InlineData("I'm suddenly short of breath")]
    [InlineData("my arm is swollen, red and hot")]
    [InlineData("I have a fever and the area looks infected")]
    [InlineData("I'm pregnant, can I have MLD?")]
    [InlineData("I'm in chemotherapy")]
    [InlineData("I have kidney failure")]
    [InlineData("will it cure my lymphedema")]
    [InlineData("can you diagnose my swelling")]
    public void Ask_RedFlagQuestion_GetsSafetyReply(string question)
    {
        var answer = ShippedKnowledge.Instance.Ask(question);

        Assert.Equal(AnswerKind.Safety, answer.Kind);
        var text = AnswerReplies.FullText(AnswerReplies.ToReply(answer, ShippedKnowledge.Instance.Snapshot));
        Assert.Contains("healthcare provider", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I'm 30wks now", true)]
    [InlineData("im 30 wks", true)]
    [InlineData("i'm 2-3 wks", true)]
    [InlineData("i'm wks", false)]
    [InlineData("i'm 30 weeks", false)]
    public void Compile_NumberWord_MatchesAnyNumberWithOrWithoutASpace(string text, bool matches)
    {
        var pattern = PhrasePattern.Compile(["i'm # wks|im # wks"]);

        Assert.Equal(matches, pattern.IsMatch(PhrasePattern.Normalize(text)));
    }

    [Theory]
    [InlineData("I've had swollen hands for 3 weeks")]
    [InlineData("my hands have been puffy since my surgery 6 weeks ago")]
    public void Match_DurationInWeeks_IsNoPregnancy(string question)
    {
        var triage = new SafetyTriage(
            [new RedFlagRule("pregnancy", SafetyUrgency.Urgent, ["# weeks + hands + swollen|puffy"], new FilePosition("red-flags.md", 1))],
            ["for # weeks", "# weeks ago"]);

        Assert.Null(triage.Match(question));
        Assert.NotNull(triage.Match("34 weeks and my hands are puffy"));
    }

    [Fact]
    public void Ask_ClothesAreNotClots()
    {
        Assert.NotEqual(AnswerKind.Safety, ShippedKnowledge.Instance.Ask("what clothes should I wear for a session").Kind);
    }

    [Fact]
    public void Ask_EmergencySign_SaysSeekUrgentCare()
    {
        var reply = AnswerReplies.ToReply(ShippedKnowledge.Instance.Ask("sudden chest pain"), ShippedKnowledge.Instance.Snapshot);

        Assert.Contains("seek urgent care", ReplyMarkupText(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("does it help with swelling")]
    [InlineData("is the pressure gentle")]
    [InlineData("should I talk to a doctor first")]
    [InlineData("can it remove toxins")]
    [InlineData("does it help me sleep")]
    [InlineData("do I have to see a professional first")]
    public void Ask_OrdinaryQuestion_IsNotTriaged(string question)
    {
        Assert.NotEqual(AnswerKind.Safety, ShippedKnowledge.Instance.Ask(question).Kind);
    }

    [Fact]
    public void Triage_UrgentRulesWinOverProviderRules()
    {
        var triage = new SafetyTriage(
        [
            new RedFlagRule("Pregnancy", SafetyUrgency.Provider, ["pregnan*"], default),
            new RedFlagRule("Clots", SafetyUrgency.Urgent, ["clot", "clotting"], default),
        ]);

        Assert.Equal("Clots", triage.Match("pregnant with a clot")?.Category);
        Assert.Null(triage.Match("my clothes feel tight", "unclotted"));
    }

    [Fact]
    public void Triage_Combination_MatchesOnlyWhenEveryPartOccurs()
    {
        var triage = new SafetyTriage([new RedFlagRule("Hot swelling", SafetyUrgency.Urgent, ["red|redness + hot|warm + swollen|swell*"], default)]);

        Assert.NotNull(triage.Match("my calf is warm, swollen and red"));
        Assert.NotNull(triage.Match("Redness, swelling and it feels hot"));
        Assert.Null(triage.Match("my legs swell in hot weather"));
        Assert.Null(triage.Match("red light therapy while warm"));
    }

    [Fact]
    public void Triage_FigureOfSpeech_IsErased_ButASymptomBesideItIsStillRead()
    {
        var triage = new SafetyTriage(
        [
            new RedFlagRule("Pregnancy", SafetyUrgency.Provider, ["pregnan*"], default),
            new RedFlagRule("Clots", SafetyUrgency.Urgent, ["clot"], default),
        ],
        ["look* ... pregnant"]);

        Assert.Null(triage.Match("my belly looks about six months pregnant after dinner"));
        Assert.Null(triage.Match("I look pregnant when I'm bloated"));
        Assert.Equal("Pregnancy", triage.Match("I'm pregnant and my belly looks huge")?.Category);
        Assert.Equal("Clots", triage.Match("my belly looks pregnant and my doctor found a clot")?.Category);
    }

    [Theory]
    [InlineData("look* ... pregnant", true)]
    [InlineData("food baby", true)]
    [InlineData("... pregnant", false)]
    [InlineData("look + pregnant", false)]
    public void IsValidFigure_GapOnlyBetweenWords(string pattern, bool valid)
    {
        Assert.Equal(valid, SafetyTriage.IsValidFigure(pattern));
    }

    [Theory]
    [InlineData("red|redness + hot", true)]
    [InlineData("clot*", true)]
    [InlineData("red + ", false)]
    [InlineData("red||hot", false)]
    [InlineData("re*d + hot", false)]
    public void IsValid_Combination_ChecksEveryAlternative(string pattern, bool valid)
    {
        Assert.Equal(valid, PhrasePattern.IsValid(pattern));
    }

    private static string ReplyMarkupText(LymphBot.Core.Chat.Reply reply) => LymphBot.Core.Chat.ReplyMarkup.ToPlainText(reply.Text);
}
