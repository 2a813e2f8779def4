using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using LymphBot.Core.Sending;
using LymphBot.Telegram.Sending;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace LymphBot.Telegram.Tests.Sending;

public sealed class TelegramErrorsTests
{
    public static TheoryData<string, Exception, SendOutcome> TransportFailures => new()
    {
        { "connection refused", Wrapped(new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused))), SendOutcome.NotSent },
        { "no DNS", new HttpRequestException(HttpRequestError.NameResolutionError, "no such host"), SendOutcome.NotSent },
        { "HTML 502 from a proxy", new RequestException("Bad Gateway", HttpStatusCode.BadGateway), SendOutcome.NotSent },
        { "connection lost after sending", Wrapped(new HttpRequestException(HttpRequestError.ResponseEnded, "ended")), SendOutcome.Unknown },
        { "our timeout", new TaskCanceledException("timeout"), SendOutcome.Unknown },
    };

    public static TheoryData<string, ApiRequestException, SendOutcome> BotApiErrors => new()
    {
        { "429", new ApiRequestException("Too Many Requests: retry after 3", 429, new ResponseParameters { RetryAfter = 3 }), SendOutcome.RateLimited },
        { "502", new ApiRequestException("Bad Gateway", 502), SendOutcome.NotSent },
        { "blocked", new ApiRequestException("Forbidden: bot was blocked by the user", 403), SendOutcome.Unreachable },
        { "chat not found", new ApiRequestException("Bad Request: chat not found", 400), SendOutcome.Unreachable },
        { "upgraded", new ApiRequestException("Bad Request: group chat was upgraded to a supergroup chat", 400, new ResponseParameters { MigrateToChatId = -100123 }), SendOutcome.Moved },
        { "bad HTML", new ApiRequestException("Bad Request: can't parse entities: Unsupported start tag", 400), SendOutcome.Formatting },
        { "empty text", new ApiRequestException("Bad Request: message text is empty", 400), SendOutcome.Rejected },
    };

    [Theory]
    [MemberData(nameof(TransportFailures))]
    public void ClassifyTransport_NotSentOnlyWhenTheRequestCannotHaveBeenTaken(string failure, Exception exception, SendOutcome expected) =>
        Assert.True(TelegramErrors.ClassifyTransport(exception) == expected, failure);

    [Fact]
    public void DescribeTransport_NamesTheCauseUnderTheClientsMessage()
    {
        var failure = Wrapped(new HttpRequestException("An error occurred while sending the request.", new IOException("The response ended prematurely. (ResponseEnded)")));

        Assert.Equal(
            "Exception during making request <- An error occurred while sending the request. <- The response ended prematurely. (ResponseEnded)",
            TelegramErrors.DescribeTransport(failure));
    }

    [Theory]
    [MemberData(nameof(BotApiErrors))]
    public void Classify_BotApiErrors(string failure, ApiRequestException exception, SendOutcome expected) =>
        Assert.True(TelegramErrors.Classify(exception).Outcome == expected, failure);

    [Fact]
    public void IsUnreadableSuccess_ASuccessTheClientCannotParse_IsSent()
    {
        Assert.True(TelegramErrors.IsUnreadableSuccess(new RequestException("Required properties not found", HttpStatusCode.OK, new JsonException("bad date"))));
        Assert.False(TelegramErrors.IsUnreadableSuccess(new RequestException("Bad Gateway", HttpStatusCode.BadGateway)));
        Assert.False(TelegramErrors.IsUnreadableSuccess(Wrapped(new HttpRequestException("ended"))));
    }

    private static RequestException Wrapped(Exception inner) => new("Exception during making request", inner);
}
