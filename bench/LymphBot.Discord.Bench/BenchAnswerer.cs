using LymphBot.Core.Chat;
using LymphBot.Core.Questions;

namespace LymphBot.Discord.Bench;

/// <summary>A constant answer with a citation: measures the adapter, not the knowledge base.</summary>
internal sealed class BenchAnswerer : IQuestionAnswerer
{
    private static readonly Reply Answer = new("Gentle, slow strokes **toward** the lymph nodes can ease swelling. Ask your care team first after surgery.")
    {
        Citation = "Lymphatic Massage Guide, ¶4",
    };

    public Task<Reply> AnswerAsync(IncomingMessage message, string question, CancellationToken cancellationToken) => Task.FromResult(Answer);
}
