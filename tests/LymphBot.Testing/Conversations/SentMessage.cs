using System.Runtime.CompilerServices;
using LymphBot.Core.Chat;

namespace LymphBot.Testing.Conversations;

/// <summary>The bot's answer to one message, with assertions that read as a conversation.</summary>
public sealed class SentMessage(Task<Reply?> reply)
{
    /// <summary>Asserts the bot replied and the plain text satisfies <paramref name="expectation"/>; returns the reply.</summary>
    public async Task<Reply> ExpectReply(Func<string, bool> expectation)
    {
        var result = await reply;
        Assert.NotNull(result);
        var text = ReplyMarkup.ToPlainText(result.Text);
        Assert.True(expectation(text), $"Unexpected reply:\n{text}");
        return result;
    }

    public Task<Reply> ExpectReplyContaining(string fragment) =>
        ExpectReply(t => t.Contains(fragment, StringComparison.OrdinalIgnoreCase));

    /// <summary>Waits for the bot's answer without asserting on it: for the steps that set a conversation up.</summary>
    public TaskAwaiter<Reply?> GetAwaiter() => reply.GetAwaiter();

    public async Task ExpectSilence()
    {
        var result = await reply;
        Assert.True(result is null, $"Expected silence, got: {result?.Text}");
    }
}
