using System.Text.Json.Nodes;

namespace LymphBot.Telegram.Tests.StandIn;

/// <summary>One Bot API call the stand-in received: method, JSON body, when (Stopwatch ticks and, if given, the test clock).</summary>
public sealed record RecordedRequest(string Method, JsonObject Body, long ReceivedTicks, DateTimeOffset? ClockTime, bool Failed)
{
    public string? ChatId => Body["chat_id"]?.ToString();

    public string? Text => Body["text"]?.ToString();

    public bool Is(string method) => string.Equals(Method, method, StringComparison.OrdinalIgnoreCase);
}
