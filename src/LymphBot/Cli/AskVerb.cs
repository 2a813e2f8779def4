using System.Text.Json;
using LymphBot.ConsoleChat;
using LymphBot.Core.Knowledge;

namespace LymphBot.Cli;

/// <summary>
/// <c>lymphbot ask [--json] [QUESTION]</c>: the reply as a user would see it, or one JSON object per question.
/// Without a question it answers every line of standard input in one process.
/// </summary>
public static class AskVerb
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,

        // Output goes to a terminal or a script, never into HTML: keep apostrophes and ¶ readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(CliInvocation invocation, KnowledgeBase knowledge, TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var json = invocation.HasFlag("--json");
        var questions = invocation.Positional.Count > 0 ? [string.Join(' ', invocation.Positional)] : ReadQuestions(input);
        foreach (var question in questions)
        {
            var answer = knowledge.Ask(question);
            var reply = AnswerReplies.ToReply(answer, knowledge.Snapshot);
            if (json)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(
                    new AskResult(question, answer.KindName, answer.Entry?.Id, answer.Score, AnswerReplies.FullText(reply)), Json));
            }
            else
            {
                await output.WriteLineAsync(ConsoleChatPlatform.Render(reply, out _));
                await output.WriteLineAsync();
            }
        }

        return ExitCodes.Success;
    }

    private static IEnumerable<string> ReadQuestions(TextReader input)
    {
        while (input.ReadLine() is { } line)
        {
            if (line.Trim().Length > 0)
            {
                yield return line.Trim();
            }
        }
    }

    private sealed record AskResult(string Question, string Kind, string? EntryId, double Score, string Text);
}
