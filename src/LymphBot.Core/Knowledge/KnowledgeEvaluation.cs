using System.Globalization;

namespace LymphBot.Core.Knowledge;

/// <summary>Scores a question set (the format of <c>faq-dev.tsv</c>) against the knowledge base.</summary>
public static class KnowledgeEvaluation
{
    private static readonly string[] Kinds = ["answer", "safety", "not_found"];

    /// <summary>Parses tab-separated lines: question, expected kind, keywords ('|'-separated). '#' starts a comment.</summary>
    public static IReadOnlyList<EvaluationCase> Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var cases = new List<EvaluationCase>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length < 2)
            {
                throw new FormatException($"line {number}: expected 'question<TAB>kind<TAB>keywords'");
            }

            var expected = ParseKinds(columns[1].Trim()) ?? throw new FormatException($"line {number}: unknown kind '{columns[1]}'");
            var keywords = columns.Length > 2
                ? columns[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
            cases.Add(new EvaluationCase(columns[0].Trim(), expected, keywords, number));
        }

        return cases;
    }

    public static EvaluationResult Score(EvaluationCase @case, KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(knowledge);
        var answer = knowledge.Ask(@case.Question);
        var text = AnswerReplies.FullText(AnswerReplies.ToReply(answer, knowledge.Snapshot));
        if (!@case.ExpectedKinds.Contains(ScoredKind(answer)))
        {
            return new EvaluationResult(@case, answer, text, false, $"expected {string.Join(" or ", @case.ExpectedKinds)}, got {answer.KindName}");
        }

        if (@case.Keywords.Count > 0 && !@case.Keywords.Any(k => text.Contains(k, StringComparison.OrdinalIgnoreCase)))
        {
            return new EvaluationResult(@case, answer, text, false, $"reply has none of: {string.Join(", ", @case.Keywords)}");
        }

        return new EvaluationResult(@case, answer, text, true, null);
    }

    /// <summary>The kind a reply scores as: "Did you mean…?" answers nothing, so it scores as <c>not_found</c>.</summary>
    public static string ScoredKind(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Kind == AnswerKind.Clarify ? "not_found" : answer.KindName;
    }

    public static string Describe(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var readAs = result.Answer.Corrected is { } corrected ? $" [read as \"{corrected}\"]" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"line {result.Case.Line}: \"{result.Case.Question}\": {result.Why} (entry {result.Answer.Entry?.Id ?? "-"}, confidence {result.Answer.Score:0.000}){readAs}");
    }

    private static string[]? ParseKinds(string text)
    {
        var parts = text.Split("_or_", StringSplitOptions.RemoveEmptyEntries);
        var kinds = parts.Select(p => p == "found" ? "not_found" : p).ToArray();

        // "safety_or_not_found" splits into "safety" and "not_found"; "not_found" alone stays whole.
        if (text == "not_found")
        {
            return ["not_found"];
        }

        return kinds.All(Kinds.Contains) ? kinds : null;
    }
}
