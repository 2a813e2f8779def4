using System.Globalization;
using LymphBot.Core.Knowledge;

namespace LymphBot.Cli;

/// <summary>
/// <c>lymphbot kb check</c> validates the knowledge base; <c>lymphbot kb eval FILE.tsv [--verbose]</c> scores a question
/// set; <c>lymphbot kb export</c> writes moderator-approved phrasings into the entry files.
/// </summary>
public static class KbVerb
{
    /// <param name="invocation">The command line.</param>
    /// <param name="folder">The knowledge folder.</param>
    /// <param name="knowledge">Loads the base (not needed by <c>check</c>).</param>
    /// <param name="approved">Reads the approved phrasings from the database (for <c>export</c>).</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    public static async Task<int> RunAsync(
        CliInvocation invocation, string folder, Func<KnowledgeBase> knowledge, Func<Task<IReadOnlyList<SuggestedPhrasing>>> approved, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(approved);
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        return invocation.Positional switch
        {
            ["check"] => await CheckAsync(folder, output, error),
            ["eval", var file] => await EvalAsync(file, knowledge(), invocation.HasFlag("--verbose"), output, error),
            ["export"] => await ExportAsync(folder, await approved(), output),
            _ => await UsageAsync(error),
        };
    }

    private static async Task<int> CheckAsync(string folder, TextWriter output, TextWriter error)
    {
        var (loaded, problems) = KnowledgeBase.TryLoad(folder);
        if (loaded is null)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync(Path.Combine(folder, problem.ToString()));
            }

            await error.WriteLineAsync($"lymphbot: knowledge base check failed: {problems.Count} problem(s)");
            return ExitCodes.Failure;
        }

        var s = loaded.Snapshot;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"knowledge base OK: {s.Entries.Count} entries, {s.Sources.Count} sources, {s.RedFlags.Count} red-flag categories, " +
            $"{s.NotCovered.Count} kinds of question not covered, {s.DistinctWords.Count} distinct words, {s.Reminders.Count} reminder prompts, {s.Tips.Count} tips, {s.Programs.Count} program(s) ({folder})"));
        return ExitCodes.Success;
    }

    private static async Task<int> EvalAsync(string file, KnowledgeBase knowledge, bool verbose, TextWriter output, TextWriter error)
    {
        if (!File.Exists(file))
        {
            await error.WriteLineAsync($"lymphbot: no such question set: {file}");
            return ExitCodes.Usage;
        }

        IReadOnlyList<EvaluationCase> cases;
        try
        {
            cases = KnowledgeEvaluation.Parse(await File.ReadAllLinesAsync(file));
        }
        catch (FormatException ex)
        {
            await error.WriteLineAsync($"lymphbot: {file}: {ex.Message}");
            return ExitCodes.Usage;
        }

        var results = cases.Select(c => KnowledgeEvaluation.Score(c, knowledge)).ToList();
        await output.WriteLineAsync(EvaluationReport.Format(results, knowledge.Threshold, verbose));
        return ExitCodes.Success;
    }

    private static async Task<int> ExportAsync(string folder, IReadOnlyList<SuggestedPhrasing> approved, TextWriter output)
    {
        var changed = KnowledgeExport.Write(folder, approved);
        foreach (var (file, added) in changed)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{Path.Combine(folder, file)}: {added} phrasing(s) added"));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"exported {changed.Sum(c => c.Added)} approved phrasing(s) of {approved.Count} into {changed.Count} file(s)"));
        return ExitCodes.Success;
    }

    private static async Task<int> UsageAsync(TextWriter error)
    {
        await error.WriteLineAsync("lymphbot: usage: lymphbot kb check | lymphbot kb eval FILE.tsv [--verbose] | lymphbot kb export");
        return ExitCodes.Usage;
    }
}
