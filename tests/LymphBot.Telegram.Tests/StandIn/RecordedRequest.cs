using System.Text.Json.Nodes;

namespace LymphBot.Telegram.Tests.StandIn;

/// <summary>One Bot API call the stand-in received: method, JSON body, when (Stopwatch ticks and, if given, the test clock).</summary>
public sealed record RecordedRequest(string Method, JsonObject Body, long ReceivedTicks, DateTimeOffset? ClockTime, bool Failed)
{
    public string? ChatId => Body["chat_id"]?.ToString();

    public string? Text => Body["text"]?.ToString();

    /// <summary>The scripted answer it got instead of success, if any (a hang, an unreadable 200, an error).</summary>
    public StandInFailure? Failure { get; init; }

    /// <summary>
    /// The stand-in posted the message, as far as the chat is concerned: answered with success (readable or not), or
    /// hung with no answer, which a client cannot tell from a message posted and an answer lost.
    /// </summary>
    public bool Posted => Failure is null || Failure.StatusCode == 200 || Failure.Hang;

    /// <summary>The id of the message a successful sendMessage posted, as the stand-in answered it.</summary>
    public int? MessageId { get; init; }

    public bool Is(string method) => string.Equals(Method, method, StringComparison.OrdinalIgnoreCase);
}
