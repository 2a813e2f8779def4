using LymphBot.Core.Knowledge;

namespace LymphBot.Core.Tests.Knowledge;

/// <summary>One knowledge base answers every chat at once: answers must not depend on what else is being answered.</summary>
public sealed class ConcurrentAnswerTests
{
    private static readonly string[] Sets = ["heldout-real.tsv", "heldout-faq.tsv", "heldout-fresh.tsv"];

    [Fact]
    public void Score_ManyQuestionsAtOnce_GivesTheSameAnswersAsOneAtATime()
    {
        var knowledge = ShippedKnowledge.Load(ShippedKnowledge.Folder);
        var cases = Sets
            .SelectMany(set => KnowledgeEvaluation.Parse(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Knowledge", set))))
            .ToList();
        var alone = cases.Select(c => Describe(KnowledgeEvaluation.Score(c, knowledge))).ToList();

        var differing = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, cases.Count * 20, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var answer = Describe(KnowledgeEvaluation.Score(cases[i % cases.Count], knowledge));
            if (answer != alone[i % cases.Count])
            {
                differing.Add($"{answer} (alone: {alone[i % cases.Count]})");
            }
        });

        Assert.Empty(differing);
    }

    private static string Describe(EvaluationResult result) => $"{result.Case.Question} -> {result.Answer.Kind} {result.Answer.Entry?.Id} {result.Answer.Score:0.000}";
}
