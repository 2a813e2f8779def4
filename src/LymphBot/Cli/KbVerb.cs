using System.Globalization;
using LymphBot.Core.Knowledge;

namespace LymphBot.Cli;

/// <summary><c>lymphbot kb check</c> validates the knowledge base; <c>lymphbot kb eval FILE.tsv [--verbose]</c> scores a question set.</summary>
public static class KbVerb
{
    public static async Task<int> RunAsync(CliInvocation invocation, string folder, Func<KnowledgeBase> knowledge, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        return invocation.Positional switch
        {
            ["check"] => await CheckAsync(folder, output, error),
            ["eval", var file] => await EvalAsync(file, knowledge(), invocation.HasFlag("--verbose"), output, error),
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
            $"{s.NotCovered.Count} not-covered subjects, {s.Reminders.Count} reminder prompts, {s.Tips.Count} tips ({folder})"));
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

    private static async Task<int> UsageAsync(TextWriter error)
    {
        await error.WriteLineAsync("lymphbot: usage: lymphbot kb check | lymphbot kb eval FILE.tsv [--verbose] | lymphbot kb export");
        return ExitCodes.Usage;
    }
}
