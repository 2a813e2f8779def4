using LymphBot.Core.Knowledge;
using Xunit.Abstractions;

namespace LymphBot.Core.Tests.Knowledge;

/// <summary>
/// Safety triage on its own table of phrasings (<c>safety.tsv</c>): red flags by category, and near misses that must
/// get an ordinary answer or "not covered", never a safety reply.
/// </summary>
public sealed class SafetyTableTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (question, expected) in Rows())
        {
            data.Add(question, expected);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ask_SafetyTablePhrasing_IsTriagedAsExpected(string question, string expected)
    {
        var answer = ShippedKnowledge.Instance.Ask(question);
        output.WriteLine($"{answer.KindName} {answer.RedFlag?.Category} {answer.Entry?.Id}");

        var actual = answer.Kind != AnswerKind.Safety ? "none" : answer.RedFlag?.Urgency == SafetyUrgency.Urgent ? "urgent" : "provider";
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void SafetyTable_HasAtLeast80Phrasings_WithPositivesAndNearMisses()
    {
        var rows = Rows();

        Assert.True(rows.Count >= 80, $"{rows.Count} phrasings");
        Assert.Contains(rows, r => r.Expected == "urgent");
        Assert.Contains(rows, r => r.Expected == "provider");
        Assert.True(rows.Count(r => r.Expected == "none") >= 20, "near-miss negatives");
    }

    private static List<(string Question, string Expected)> Rows() =>
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Knowledge", "safety.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(columns => (columns[0], columns[1]))];
}
