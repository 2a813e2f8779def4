using System.Net;

namespace LymphBot.Discord.Rest;

/// <summary>A REST call failed: the HTTP status, Discord's JSON error code (0 when absent) and, for 429, how long to wait.</summary>
internal sealed class DiscordRestException : Exception
{
    public DiscordRestException(string route, HttpStatusCode? status, int code, string message, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(Describe(route, status, code, message), innerException)
    {
        Route = route;
        Status = status;
        Code = code;
        RetryAfter = retryAfter;
    }

    public DiscordRestException()
        : this(string.Empty, null, 0, "Discord request failed")
    {
    }

    public DiscordRestException(string message)
        : this(string.Empty, null, 0, message)
    {
    }

    public DiscordRestException(string message, Exception innerException)
        : this(string.Empty, null, 0, message, null, innerException)
    {
    }

    public string Route { get; } = string.Empty;

    /// <summary><c>null</c> when no response arrived (network failure, timeout).</summary>
    public HttpStatusCode? Status { get; }

    public int Code { get; }

    public TimeSpan? RetryAfter { get; }

    public bool IsRateLimited => Status == HttpStatusCode.TooManyRequests;

    /// <summary>No answer, or a 5xx: trying again later may work.</summary>
    public bool IsTransient => Status is null || (int)Status >= 500;

    private static string Describe(string route, HttpStatusCode? status, int code, string message) =>
        status is null ? $"{route}: {message}" : $"{route}: HTTP {(int)status} code {code}: {message}";
}
