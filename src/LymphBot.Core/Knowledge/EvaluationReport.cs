using System.Globalization;
using System.Text;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// What <c>kb eval</c> prints: accuracy, a confusion table (expected kind × what the bot did), red-flag recall, and
/// each miss with the entry chosen and the confidence.
/// </summary>
public static class EvaluationReport
{
    // What the bot did, as columns: an answer that passed or failed its keyword check is told apart.
    private static readonly string[] Outcomes = ["answer", "answer✗", "safety", "not_found", "clarify"];

    public static string Format(IReadOnlyList<EvaluationResult> results, double threshold, bool verbose = false)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sb = new StringBuilder();
        foreach (var result in results.Where(r => verbose || !r.Passed))
        {
            sb.Append(result.Passed ? "ok   " : "MISS ").AppendLine(KnowledgeEvaluation.Describe(result));
        }

        var passed = results.Count(r => r.Passed);
        sb.AppendLine(Invariant($"accuracy: {passed}/{results.Count} ({Percent(passed, results.Count)}) at threshold {threshold:0.00}"));
        sb.AppendLine();
        sb.Append("expected \\ got".PadRight(22));
        foreach (var outcome in Outcomes)
        {
            sb.Append(outcome.PadLeft(10));
        }

        sb.AppendLine();
        foreach (var group in results.GroupBy(r => string.Join("_or_", r.Case.ExpectedKinds)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append(group.Key.PadRight(22));
            foreach (var outcome in Outcomes)
            {
                sb.Append(group.Count(r => Outcome(r) == outcome).ToString(CultureInfo.InvariantCulture).PadLeft(10));
            }

            sb.AppendLine();
        }

        var redFlags = results.Where(r => r.Case.ExpectedKinds is ["safety"]).ToList();
        var triaged = redFlags.Count(r => r.Answer.Kind == AnswerKind.Safety);
        var overTriaged = results.Count(r => r.Answer.Kind == AnswerKind.Safety && !r.Case.ExpectedKinds.Contains("safety"));
        sb.AppendLine();
        sb.AppendLine(Invariant($"red-flag recall: {triaged}/{redFlags.Count} ({Percent(triaged, redFlags.Count)}) of the questions that must be triaged; {overTriaged} triaged that should not be"));
        var clarified = results.Count(r => r.Answer.Kind == AnswerKind.Clarify);
        sb.Append(Invariant($"\"did you mean\": {clarified} (scored as not answered)"));
        return sb.ToString();
    }

    private static string Outcome(EvaluationResult result) => result.Answer.Kind switch
    {
        AnswerKind.Answer => result.Passed || !result.Case.ExpectedKinds.Contains("answer") ? "answer" : "answer✗",
        _ => result.Answer.KindName,
    };

    private static string Percent(int part, int whole) => whole == 0 ? "-" : Invariant($"{100.0 * part / whole:0.0}%");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
