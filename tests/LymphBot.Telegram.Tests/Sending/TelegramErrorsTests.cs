using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using LymphBot.Telegram.Sending;
using Telegram.Bot.Exceptions;

namespace LymphBot.Telegram.Tests.Sending;

public sealed class TelegramErrorsTests
{
    public static TheoryData<string, Exception, bool> Failures => new()
    {
        { "connection refused", Wrapped(new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused))), true },
        { "no DNS", new HttpRequestException(HttpRequestError.NameResolutionError, "no such host"), true },
        { "Bot API error 502", new ApiRequestException("Bad Gateway", 502), true },
        { "HTML 502 from a proxy", new RequestException("Bad Gateway", HttpStatusCode.BadGateway), true },
        { "connection lost after sending", Wrapped(new HttpRequestException(HttpRequestError.ResponseEnded, "ended")), false },
        { "our timeout", new TaskCanceledException("timeout"), false },
        { "a 2xx the client cannot parse", new RequestException("Required properties not found", HttpStatusCode.OK, new JsonException("bad date")), false },
        { "Bot API error 400", new ApiRequestException("Bad Request: message text is empty", 400), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void SurelyNotSent_OnlyWhenTheRequestCannotHaveBeenTaken(string failure, Exception exception, bool expected) =>
        Assert.True(TelegramErrors.SurelyNotSent(exception) == expected, failure);

    private static RequestException Wrapped(Exception inner) => new("Exception during making request", inner);
}
