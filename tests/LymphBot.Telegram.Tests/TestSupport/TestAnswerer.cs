using System.Collections.Concurrent;
using LymphBot.Core.Chat;
using LymphBot.Core.Questions;
using LymphBot.Telegram.Mapping;

namespace LymphBot.Telegram.Tests.TestSupport;

/// <summary>Answers "You asked: **question**" with a citation and a button; a question with a gate waits for it.</summary>
public sealed class TestAnswerer : IQuestionAnswerer
{
    public ConcurrentDictionary<string, TaskCompletionSource> Gates { get; } = new();

    public static string RenderedAnswer(string question) => $"You asked: <b>{TelegramRendering.EscapeHtml(question)}</b>\n<i>Source: Test handbook, ¶1</i>";

    public TaskCompletionSource Hold(string question)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Gates[question] = gate;
        return gate;
    }

    public async Task<Reply> AnswerAsync(IncomingMessage message, string question, CancellationToken cancellationToken)
    {
        if (Gates.TryGetValue(question, out var gate))
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return new Reply($"You asked: **{ReplyMarkup.Escape(question)}**")
        {
            Citation = "Test handbook, ¶1",
            Buttons = [[new ReplyButton("More", "more:1")]],
        };
    }
}
