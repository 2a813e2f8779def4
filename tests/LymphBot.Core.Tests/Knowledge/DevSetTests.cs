using LymphBot.Core.Knowledge;
using LymphBot.Core.Tests.TestSupport;
using Xunit.Abstractions;

namespace LymphBot.Core.Tests.Knowledge;

public sealed class DevSetTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void DevSet_ScoresAtLeast97Percent()
    {
        var path = TestEnvironment.RequireShared("eval/faq-dev.tsv");
        var results = KnowledgeEvaluation.Parse(File.ReadAllLines(path)).Select(c => KnowledgeEvaluation.Score(c, ShippedKnowledge.Instance)).ToList();

        foreach (var miss in results.Where(r => !r.Passed))
        {
            output.WriteLine(KnowledgeEvaluation.Describe(miss));
        }

        foreach (var r in results)
        {
            output.WriteLine($"{r.Answer.KindName,-9} {r.Answer.Score:0.000} {r.Answer.Entry?.Id,-32} {r.Case.Question}");
        }

        var accuracy = results.Count(r => r.Passed) / (double)results.Count;
        Assert.True(accuracy >= 0.97, $"accuracy {accuracy:P1}");
    }
}
