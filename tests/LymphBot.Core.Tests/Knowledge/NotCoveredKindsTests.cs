using LymphBot.Core.Knowledge;

namespace LymphBot.Core.Tests.Knowledge;

/// <summary>
/// A kind of question the source never answers, with its <c>- unless</c> lines: what makes a question that matches the
/// kind another question ("how come I feel so calm afterwards?" asks what a session does, not what to do after one).
/// </summary>
public sealed class NotCoveredKindsTests
{
    private static readonly KnowledgeEntry Relaxation = new(
        "relaxation", "Does it help you relax?", [], "Yes.", [], [], new FilePosition("entries/wellbeing.md", 1));

    private static readonly NotCoveredKinds Kinds = NotCoveredKinds.Build(KnowledgeSnapshot.Empty with
    {
        Entries = [Relaxation],
        NotCovered =
        [
            new NotCoveredTopic("after a session", ["after a session", "afterwards", "unless feel|feeling + calm|relaxed"], new FilePosition("not-covered.md", 1)),
            new NotCoveredTopic("side effects", ["feel sick"], new FilePosition("not-covered.md", 9)),
        ],
    });

    [Theory]
    [InlineData("what should I eat after a session")]
    [InlineData("can I shower afterwards")]
    public void Unanswered_MatchesTheKind_IsThatKind(string question)
    {
        Assert.Equal("after a session", Kinds.Unanswered(Relaxation, question));
    }

    [Theory]
    [InlineData("why do I feel so calm afterwards")]
    [InlineData("feeling really relaxed after a session, why")]
    public void Unanswered_MatchesAnException_IsNoKind(string question)
    {
        Assert.Null(Kinds.Unanswered(Relaxation, question));
    }

    [Fact]
    public void Unanswered_ExceptionOfOneKind_LeavesTheOthers()
    {
        Assert.Equal("side effects", Kinds.Unanswered(Relaxation, "I feel sick and calm afterwards"));
    }
}
