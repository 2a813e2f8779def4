using System.Collections;
using Microsoft.Extensions.Logging;

namespace LymphBot.Core.Telemetry;

/// <summary>
/// A log scope naming the platform and chat that the work inside it is for. Structured formatters (JSON) write it as
/// <c>Platform</c> and <c>ChatId</c> properties; the simple formatter shows "telegram chat 42". Only ids go in: never
/// names or message text, which are personal data.
/// </summary>
public static class ChatLogScope
{
    public static IDisposable? BeginChatScope(this ILogger logger, string platform, string chatId)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return logger.BeginScope(new State(platform, chatId));
    }

    private sealed class State(string platform, string chatId) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => 2;

        public KeyValuePair<string, object?> this[int index] => index switch
        {
            0 => new("Platform", platform),
            1 => new("ChatId", chatId),
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
            yield return this[1];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"{platform} chat {chatId}";
    }
}
