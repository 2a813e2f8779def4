using LymphBot.Core.Knowledge;
using Xunit.Abstractions;

namespace LymphBot.Core.Tests.Knowledge;

/// <summary>
/// Ranking, threshold and safety on phrasings of our own: the base must generalise, not memorise the dev set.
/// Where two entries answer a question equally well, the file lists both ('|'). <c>paraphrases.tsv</c> holds
/// phrasings by entry; <c>kinds.tsv</c> holds them by kind of question (comparisons, excluded subjects, similes for
/// swollen limbs, age or stage of life, organs and everyday "cures", timing, typos in the asking word, lists), each
/// kind with its near misses.
/// </summary>
public sealed class ParaphraseTests(ITestOutputHelper output)
{
    private static readonly string[] Tables = ["paraphrases.tsv", "kinds.tsv"];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in Tables.SelectMany(f => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Knowledge", f))))
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                var columns = line.Split('\t');
                data.Add(columns[0], columns[1]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ask_OwnPhrasing_GetsExpectedEntryOrKind(string question, string expected)
    {
        var answer = ShippedKnowledge.Instance.Ask(question);
        output.WriteLine($"{answer.KindName} {answer.Entry?.Id} {answer.Score}");

        var actual = answer.Kind == AnswerKind.Answer ? answer.Entry!.Id : answer.KindName;
        Assert.Contains(actual, expected.Split('|'));
    }
}
