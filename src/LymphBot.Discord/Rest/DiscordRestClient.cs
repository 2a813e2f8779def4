using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LymphBot.Core.Sending;
using LymphBot.Core.Telemetry;
using LymphBot.Discord.Mapping;
using LymphBot.Discord.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LymphBot.Discord.Rest;

/// <summary>
/// Discord's HTTP API through the rate limiter. A request is sent once, except one that is safe to repeat
/// (<see cref="DiscordRoute.Repeatable"/>), which is repeated after a 429 or a 5xx; posting a message is the owner's to
/// repeat. The token travels only in the <c>Authorization</c> header; logs name the route template (never the path,
/// which may hold an interaction token), and never headers or bodies.
/// </summary>
internal sealed partial class DiscordRestClient
{
    public const string HttpClientName = "discord";
    public const string UserAgent = "DiscordBot (https://github.com/lymphbot/lymphbot, 0.1) LymphBot";

    private const string Platform = DiscordMapping.Platform;
    private const int MaxAttempts = 4;
    private static readonly TimeSpan ServerErrorBackoff = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan CloudflareBanPause = TimeSpan.FromMinutes(5);

    private readonly IHttpClientFactory _clients;
    private readonly DiscordOptions _options;
    private readonly DiscordRateLimiter _limiter;
    private readonly InvalidRequestCounter _invalid;
    private readonly DiscordStatus _status;
    private readonly TimeProvider _time;
    private readonly LymphBotMetrics _metrics;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly Uri _baseUrl;

    public DiscordRestClient(
        IHttpClientFactory clients,
        IOptions<DiscordOptions> options,
        DiscordRateLimiter limiter,
        InvalidRequestCounter invalid,
        DiscordStatus status,
        TimeProvider time,
        LymphBotMetrics metrics,
        ILogger<DiscordRestClient> logger)
    {
        _clients = clients;
        _options = options.Value;
        _limiter = limiter;
        _invalid = invalid;
        _status = status;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        var baseText = _options.ApiBaseUrl.ToString();
        _baseUrl = new Uri(baseText.EndsWith('/') ? baseText : baseText + "/");
    }

    public Task<GatewayBotResponse?> GetGatewayBotAsync(CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.GetGatewayBot(), null, DiscordJsonContext.Default.GatewayBotResponse, cancellationToken);

    public async Task<string> CreateDmAsync(string userId, CancellationToken cancellationToken)
    {
        var body = Json(new CreateDmRequest { RecipientId = userId }, DiscordJsonContext.Default.CreateDmRequest);
        var channel = await SendAsync(DiscordRoute.CreateDm(), body, DiscordJsonContext.Default.DiscordChannel, cancellationToken);
        return channel?.Id is { Length: > 0 } id ? id : throw new DiscordRestException("/users/@me/channels", HttpStatusCode.OK, 0, "the response had no channel id");
    }

    public Task<CreatedMessage?> CreateMessageAsync(string channelId, MessagePayload message, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.CreateMessage(channelId), Json(message, DiscordJsonContext.Default.MessagePayload), DiscordJsonContext.Default.CreatedMessage, cancellationToken);

    public Task RespondToInteractionAsync(string interactionId, string token, InteractionCallback callback, CancellationToken cancellationToken) =>
        SendAsync<CreatedMessage>(DiscordRoute.InteractionCallback(interactionId, token), Json(callback, DiscordJsonContext.Default.InteractionCallback), null, cancellationToken);

    public Task RespondToAutocompleteAsync(string interactionId, string token, AutocompleteCallback callback, CancellationToken cancellationToken) =>
        SendAsync<CreatedMessage>(DiscordRoute.InteractionCallback(interactionId, token), Json(callback, DiscordJsonContext.Default.AutocompleteCallback), null, cancellationToken);

    public Task EditOriginalAsync(string applicationId, string token, MessagePayload message, CancellationToken cancellationToken) =>
        SendAsync<CreatedMessage>(DiscordRoute.EditOriginal(applicationId, token), Json(message, DiscordJsonContext.Default.MessagePayload), null, cancellationToken);

    public Task DeleteOriginalAsync(string applicationId, string token, CancellationToken cancellationToken) =>
        SendAsync<CreatedMessage>(DiscordRoute.DeleteOriginal(applicationId, token), null, null, cancellationToken);

    public Task CreateFollowupAsync(string applicationId, string token, MessagePayload message, CancellationToken cancellationToken) =>
        SendAsync<CreatedMessage>(DiscordRoute.CreateFollowup(applicationId, token), Json(message, DiscordJsonContext.Default.MessagePayload), null, cancellationToken);

    public Task BulkOverwriteCommandsAsync(string applicationId, string? guildId, List<ApplicationCommand> commands, CancellationToken cancellationToken)
    {
        var route = guildId is null
            ? DiscordRoute.BulkOverwriteGlobalCommands(applicationId)
            : DiscordRoute.BulkOverwriteGuildCommands(applicationId, guildId);
        return SendAsync<CreatedMessage>(route, Json(commands, DiscordJsonContext.Default.ListApplicationCommand), null, cancellationToken);
    }

    public async Task<TResponse?> SendAsync<TResponse>(DiscordRoute route, byte[]? body, JsonTypeInfo<TResponse>? responseType, CancellationToken cancellationToken)
    {
        var serverErrors = 0;
        for (var attempt = 1; ; attempt++)
        {
            if (_status.IsStopped)
            {
                throw new DiscordRestException(route.Key, null, 0, "the Discord adapter is stopped: " + _status.StopReason);
            }

            if (_invalid.RefuseFor() is { } refuse)
            {
                throw new DiscordRestException(route.Key, HttpStatusCode.TooManyRequests, 0, "refusing to send: too many 401/403/429 responses in the last 10 minutes", refuse);
            }

            if (_limiter.WaitFor(route) is var wait && wait > _options.MaxRateLimitWait)
            {
                throw new DiscordRestException(route.Key, HttpStatusCode.TooManyRequests, 0, "rate limited", wait);
            }

            var bucket = await _limiter.AcquireAsync(route, cancellationToken);
            HttpResponseMessage response;
            byte[] content;
            try
            {
                using var request = new HttpRequestMessage(route.Method, new Uri(_baseUrl, route.Path));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.Token);
                request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
                if (body is not null)
                {
                    request.Content = new ByteArrayContent(body);
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                }

                try
                {
                    var client = _clients.CreateClient(HttpClientName);
                    response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
                    content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    _metrics.RecordPlatformResponse(Platform, route.Key, null, ex is TaskCanceledException ? "timeout" : ex.GetType().Name);
                    // No retry here: a create-message may have gone through; the caller retries with a nonce.
                    throw new DiscordRestException(route.Key, null, 0, "no response from Discord (" + ex.GetType().Name + ")", null, ex);
                }

                _limiter.Update(route, bucket, response.Headers);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    _metrics.RecordPlatformResponse(Platform, route.Key, 429);
                    var retry = OnTooManyRequests(route, bucket, response, content);
                    response.Dispose();
                    if (route.Repeatable && attempt < MaxAttempts && retry <= _options.MaxRateLimitWait)
                    {
                        continue;
                    }

                    throw new DiscordRestException(route.Key, HttpStatusCode.TooManyRequests, 0, "rate limited", retry);
                }
            }
            finally
            {
                bucket.Gate.Release();
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    _metrics.RecordPlatformResponse(Platform, route.Key, (int)response.StatusCode);
                    LogSent(route.Key, (int)response.StatusCode);
                    return responseType is null || content.Length == 0 ? default : JsonSerializer.Deserialize(content, responseType);
                }

                var error = ParseError(content);
                _metrics.RecordPlatformResponse(Platform, route.Key, (int)response.StatusCode, error.Code is > 0 and var code ? code.ToString(CultureInfo.InvariantCulture) : null);
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    _invalid.Record();
                }

                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    const string reason = "Discord rejected the bot token (HTTP 401): the token is wrong or was reset. Set Discord:Token to the current token and restart.";
                    if (_status.Stop(reason))
                    {
                        LogStopped(reason);
                    }
                }

                if (route.Repeatable && (int)response.StatusCode >= 500 && ++serverErrors < 3)
                {
                    LogServerError(route.Key, (int)response.StatusCode);
                    await Task.Delay(Backoff.Exponential(ServerErrorBackoff, serverErrors, TimeSpan.FromSeconds(2)), _time, cancellationToken);
                    continue;
                }

                var detail = error.Errors is { } errors ? $"{error.Message} ({FlattenErrors(errors)})" : error.Message ?? response.ReasonPhrase ?? "request failed";
                throw new DiscordRestException(route.Key, response.StatusCode, error.Code, detail);
            }
        }
    }

    /// <summary>Flattens a 50035 error tree to <c>path.to.field: message</c> pairs for the log.</summary>
    internal static string FlattenErrors(JsonElement errors)
    {
        var parts = new List<string>();
        Walk(errors, string.Empty);
        return string.Join("; ", parts);

        void Walk(JsonElement node, string path)
        {
            if (node.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var property in node.EnumerateObject())
            {
                if (property.NameEquals("_errors") && property.Value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var e in property.Value.EnumerateArray())
                    {
                        var message = e.TryGetProperty("message", out var m) ? m.GetString() : null;
                        parts.Add((path.Length == 0 ? "(body)" : path) + ": " + message);
                    }
                }
                else
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name);
                }
            }
        }
    }

    internal static byte[] Json<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    private static DiscordErrorBody ParseError(byte[] content)
    {
        if (content.Length == 0)
        {
            return new DiscordErrorBody();
        }

        try
        {
            return JsonSerializer.Deserialize(content, DiscordJsonContext.Default.DiscordErrorBody) ?? new DiscordErrorBody();
        }
        catch (JsonException)
        {
            return new DiscordErrorBody { Message = Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 200)) };
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private TimeSpan OnTooManyRequests(DiscordRoute route, RateLimitBucket bucket, HttpResponseMessage response, byte[] content)
    {
        var error = ParseError(content);
        var scope = Header(response, "X-RateLimit-Scope");
        if (!string.Equals(scope, "shared", StringComparison.OrdinalIgnoreCase))
        {
            _invalid.Record();
        }

        var hasRateLimitHeaders = response.Headers.Any(h => h.Key.StartsWith("X-RateLimit-", StringComparison.OrdinalIgnoreCase));
        if (!hasRateLimitHeaders && error.RetryAfter is null)
        {
            // Cloudflare's static ban page: no retry time, so stop everything for minutes and tell a human.
            LogCloudflareBan(route.Key);
            _limiter.Global.Pause(CloudflareBanPause);
            _metrics.RecordRateLimitWait(Platform, "cloudflare", CloudflareBanPause);
            return CloudflareBanPause;
        }

        var retryAfter = error.RetryAfter is { } seconds
            ? TimeSpan.FromSeconds(seconds)
            : double.TryParse(Header(response, "Retry-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var header) ? TimeSpan.FromSeconds(header) : TimeSpan.FromSeconds(1);
        var global = error.Global == true
            || string.Equals(Header(response, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase)
            || string.Equals(scope, "global", StringComparison.OrdinalIgnoreCase);
        _limiter.OnRateLimited(bucket, retryAfter, global);
        _metrics.RecordRateLimitWait(Platform, global ? "global" : scope ?? "user", retryAfter);
        LogRateLimited(route.Key, scope ?? (global ? "global" : "user"), retryAfter.TotalSeconds);
        return retryAfter;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord {Route} -> {Status}")]
    private partial void LogSent(string route, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord rate limit on {Route} (scope {Scope}): waiting {Seconds:0.###} s")]
    private partial void LogRateLimited(string route, string scope, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord returned a 429 without rate-limit headers on {Route}: this looks like a Cloudflare IP ban; pausing all requests for 5 minutes")]
    private partial void LogCloudflareBan(string route);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord server error on {Route} (HTTP {Status}); retrying")]
    private partial void LogServerError(string route, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord adapter stopped: {Reason}")]
    private partial void LogStopped(string reason);
}
