using LymphBot.Core.Knowledge;

namespace LymphBot.Core.Tests.Knowledge;

/// <summary>
/// <see cref="QuestionGroups"/> keeps each question's terms and counts shared terms along per-term lists; these tests
/// hold it to the plain rule it replaced: analyse every question, compare it with every group's first question by
/// Jaccard similarity, join the most similar at 0.5 or more (the earliest group on a tie), else start a group.
/// </summary>
public sealed class QuestionGroupsTests
{
    private static readonly string[] Topics =
        ["swelling", "compression", "sleep", "surgery", "legs", "arms", "face", "pressure", "puffy", "sore", "MLD", "bandage"];

    [Fact]
    public void Group_ManyOverlappingQuestions_SameGroupsAsComparingWithEveryGroup()
    {
        var random = new Random(1730);
        var questions = new List<(string Text, int Count)>();
        for (var i = 0; i < 1_500; i++)
        {
            // A topic or two from a small pool and made-up words from a larger one: many ties, and topics shared with
            // hundreds of groups.
            var words = Enumerable.Range(0, 1 + random.Next(2)).Select(_ => Topics[random.Next(Topics.Length)])
                .Concat(Enumerable.Range(0, random.Next(3)).Select(_ => $"zq{(char)('a' + random.Next(26))}{(char)('a' + random.Next(10))}x"));
            var text = string.Join(" and ", words) + "?";
            questions.Add((text, 1 + random.Next(5)));
        }

        questions.Add(("?", 2));
        questions.Add(("?", 1));
        using var grouping = new QuestionGroups(ShippedKnowledge.Instance);

        var first = grouping.Group(questions, q => q.Text, q => q.Count);
        var again = grouping.Group(questions, q => q.Text, q => q.Count);

        var expected = PlainRule(questions);
        Assert.True(expected.Count > 100, $"only {expected.Count} groups: the test would not exercise the candidate lists");
        Assert.Equal(Describe(expected), Describe(first));
        Assert.Equal(Describe(expected), Describe(again));
    }

    [Fact]
    public void Group_SynonymsOfOneAnother_OneGroup()
    {
        using var grouping = new QuestionGroups(ShippedKnowledge.Instance);

        var groups = grouping.Group(["is my arm swollen after surgery", "arm swelling after surgery", "what time is it"], q => q, _ => 1);

        Assert.Equal(2, groups.Count);
        Assert.Equal(["arm swelling after surgery", "is my arm swollen after surgery"], groups[0]);
    }

    private static List<string> Describe(IEnumerable<IEnumerable<(string Text, int Count)>> groups) =>
        [.. groups.Select(g => string.Join(" | ", g.Select(q => $"{q.Text}×{q.Count}")))];

    private static List<List<(string Text, int Count)>> PlainRule(List<(string Text, int Count)> questions)
    {
        using var analyzer = new QuestionAnalyzer(QuestionAnalyzer.ParseSynonyms(ShippedKnowledge.Instance.Snapshot.Synonyms), ShippedKnowledge.Instance.Snapshot.Synonyms);
        var groups = new List<(HashSet<string> Terms, string Text, List<(string Text, int Count)> Items)>();
        foreach (var question in questions.OrderByDescending(q => q.Count).ThenBy(q => q.Text, StringComparer.Ordinal))
        {
            var terms = analyzer.Terms(question.Text, wordByWord: false).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
            var best = -1;
            var bestSimilarity = QuestionGroups.MinSimilarity;
            for (var g = 0; g < groups.Count; g++)
            {
                if (terms.Count == 0)
                {
                    best = groups.FindIndex(x => x.Terms.Count == 0 && x.Text == question.Text);
                    break;
                }

                var shared = terms.Count(groups[g].Terms.Contains);
                var similarity = (double)shared / (terms.Count + groups[g].Terms.Count - shared);
                if (shared > 0 && (similarity > bestSimilarity || (similarity == bestSimilarity && best < 0)))
                {
                    best = g;
                    bestSimilarity = similarity;
                }
            }

            if (best >= 0)
            {
                groups[best].Items.Add(question);
            }
            else
            {
                groups.Add((terms, question.Text, [question]));
            }
        }

        return [.. groups.Select(g => g.Items).OrderByDescending(g => g.Sum(q => q.Count))];
    }
}
