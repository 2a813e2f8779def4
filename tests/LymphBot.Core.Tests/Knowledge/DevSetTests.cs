using LymphBot.Core.Knowledge;
using LymphBot.Testing.TestSupport;
using Xunit.Abstractions;

namespace LymphBot.Core.Tests.Knowledge;

/// <summary>
/// The development sets in <c>../shared/eval</c> (present here and in CI, absent on a user's machine), scored exactly
/// as <c>kb eval</c> scores them, and our own held-out tables, which must hold up as well without being tuned to.
/// </summary>
public sealed class DevSetTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("eval/faq-dev.tsv", 1.00)]
    [InlineData("eval/faq-real-dev.tsv", 0.95)]
    public void DevSet_ScoresAtLeastItsTarget(string set, double target)
    {
        var path = TestEnvironment.RequireShared(set);

        AssertScores(File.ReadAllLines(path), target);
    }

    [Theory]
    [InlineData("heldout-faq.tsv", 0.95)]
    [InlineData("heldout-real.tsv", 0.90)]
    public void HeldOutSet_ScoresAtLeastItsTarget(string set, double target)
    {
        AssertScores(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Knowledge", set)), target);
    }

    private void AssertScores(string[] lines, double target)
    {
        var results = KnowledgeEvaluation.Parse(lines).Select(c => KnowledgeEvaluation.Score(c, ShippedKnowledge.Instance)).ToList();
        output.WriteLine(EvaluationReport.Format(results, ShippedKnowledge.Instance.Threshold, verbose: true));

        var accuracy = results.Count(r => r.Passed) / (double)results.Count;
        Assert.True(accuracy >= target, $"accuracy {accuracy:P1}, target {target:P0}");
    }
}
