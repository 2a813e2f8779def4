using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LymphBot.Telegram.Tests.StandIn;

/// <summary>
/// A stand-in Bot API server on 127.0.0.1: serves <c>POST /bot{token}/{method}</c>, records every call, hands queued
/// updates to getUpdates with long-poll and offset semantics (an offset confirms everything below it), edits messages
/// (editMessageText answers with the edited message), and answers
/// with scripted failures per method and chat. It can stop and start again on the same port.
/// </summary>
public sealed class TelegramStandIn : IAsyncDisposable
{
    public const string Token = "123456789:AAFakeTokenForTests_abcdefghijklmnopq";
    public const long BotId = 123456789;
    public const string BotUsername = "LymphTestBot";

    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    // Each queued update with the id the offset is judged by; the JSON may lack it, or not be an object at all.
    private readonly List<(int Id, JsonNode? Update)> _pending = [];
    private readonly List<(string Method, string? ChatId, StandInFailure Failure)> _failures = [];
    private readonly TimeProvider? _clock;
    private TaskCompletionSource _changed = NewSignal();
    private WebApplication? _app;
    private int _nextUpdateId = 1000;
    private int _nextMessageId = 1;

    private TelegramStandIn(TimeProvider? clock)
    {
        _clock = clock;
    }

    public int Port { get; private set; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>getUpdates returns every pending update, whatever <c>limit</c> asked for (a faulty server).</summary>
    public bool IgnoreLimit { get; set; }

    /// <summary>getUpdates answers at once, whatever <c>timeout</c> asked for (a faulty server).</summary>
    public bool IgnoreTimeout { get; set; }

    /// <summary>
    /// Every answer carries <c>Connection: close</c>, so the client keeps no idle connection. A test that stops the
    /// server sets it: a request the client writes on a kept connection the server has just closed cannot be known to
    /// have been refused (the client sees "response ended"), so it is rightly never sent again; that is a different
    /// case from an outage, and which one happens would depend on how quickly the client notices the close.
    /// </summary>
    public bool CloseConnections { get; set; }

    /// <summary>
    /// Consulted for each call no queued failure (<see cref="Fail"/>) answers, with its method and <c>chat_id</c>:
    /// a failure to answer with, or <c>null</c> for success. A fault plan (a share of errors, an outage window) for
    /// load tools; called under the stand-in's lock, in the order calls arrive, so keep it quick.
    /// </summary>
    public Func<string, string?, StandInFailure?>? FaultScript { get; set; }

    /// <summary>The highest offset a getUpdates call has confirmed.</summary>
    public int ConfirmedOffset { get; private set; }

    /// <summary>Completes at the next request or update; take it before checking a condition, then await it.</summary>
    public Task Changed
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public int PendingUpdates
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public static async Task<TelegramStandIn> StartAsync(TimeProvider? clock = null)
    {
        var standIn = new TelegramStandIn(clock);
        await standIn.StartServerAsync(0);
        return standIn;
    }

    public IReadOnlyList<RecordedRequest> Calls(string method, string? chatId = null) =>
        [.. Requests.Where(r => r.Is(method) && (chatId is null || r.ChatId == chatId))];

    public IReadOnlyList<RecordedRequest> Sent(long chatId) =>
        [.. Calls("sendMessage", chatId.ToString(CultureInfo.InvariantCulture)).Where(r => !r.Failed)];

    /// <summary>Queues an update (its <c>update_id</c> is assigned here) for getUpdates; returns the id.</summary>
    public int EnqueueUpdate(JsonObject update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return EnqueueRaw(update, writeId: true);
    }

    /// <summary>
    /// Queues any JSON value as an update, as a faulty or hostile server might send it. It takes the next id for the
    /// offset, written into it as <c>update_id</c> only when <paramref name="writeId"/> is set and it is an object.
    /// </summary>
    public int EnqueueRaw(JsonNode? update, bool writeId = true)
    {
        TaskCompletionSource signal;
        int id;
        lock (_gate)
        {
            id = _nextUpdateId++;
            if (writeId && update is JsonObject obj)
            {
                obj["update_id"] = id;
            }

            _pending.Add((id, update));
            signal = Pulse();
        }

        signal.TrySetResult();
        return id;
    }

    /// <summary>
    /// Queues <paramref name="first"/> as <see cref="EnqueueRaw"/> does and <paramref name="then"/> after it in one step,
    /// so a waiting long poll returns both together and never the first alone.
    /// </summary>
    public int EnqueueRawThen(JsonNode? first, bool writeId, JsonObject then)
    {
        ArgumentNullException.ThrowIfNull(then);
        lock (_gate)
        {
            // Lock is reentrant: the poll that the first one wakes waits here until the second is queued too.
            var id = EnqueueRaw(first, writeId);
            EnqueueUpdate(then);
            return id;
        }
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> (to <paramref name="chatId"/>, if given) fail.</summary>
    public void Fail(string method, StandInFailure failure, int times = 1, long? chatId = null)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _failures.Add((method, chatId?.ToString(CultureInfo.InvariantCulture), failure));
            }
        }
    }

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Starts again on the same port, keeping recorded calls and queued updates.</summary>
    public Task RestartAsync() => StartServerAsync(Port);

    /// <summary>Waits, without polling, until <paramref name="condition"/> holds; fails after <paramref name="timeout"/> (default 15 s).</summary>
    public async Task WaitUntilAsync(Func<TelegramStandIn, bool> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = Stopwatch.GetTimestamp() + (long)((timeout ?? TimeSpan.FromSeconds(15)).TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var changed = Changed;
            if (condition(this))
            {
                return;
            }

            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException("The stand-in Bot API server did not see what the test waited for.");
            }

            await Task.WhenAny(changed, Task.Delay(left));
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static IResult Ok(JsonNode? result) =>
        Results.Content(new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString(), "application/json");

    private static IResult Error(StandInFailure failure)
    {
        if (failure.Html)
        {
            return Results.Content(failure.Description, "text/html", statusCode: failure.StatusCode);
        }

        var body = new JsonObject { ["ok"] = false, ["error_code"] = failure.StatusCode, ["description"] = failure.Description };
        if (failure.RetryAfter is { } retryAfter)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = retryAfter };
        }

        if (failure.MigrateToChatId is { } newChat)
        {
            body["parameters"] = new JsonObject { ["migrate_to_chat_id"] = newChat };
        }

        return Results.Content(body.ToJsonString(), "application/json", statusCode: failure.StatusCode);
    }

    private TaskCompletionSource Pulse()
    {
        var signal = _changed;
        _changed = NewSignal();
        return signal;
    }

    private async Task StartServerAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        app.MapPost("/bot{token}/{method}", (HttpContext context, string token, string method) => HandleAsync(context, token, method, stopping));
        await app.StartAsync();
        Port = new Uri(app.Urls.First()).Port;
        _app = app;
    }

    private async Task<IResult> HandleAsync(HttpContext context, string token, string method, CancellationToken stopping)
    {
        if (CloseConnections)
        {
            context.Response.Headers.Connection = "close";
        }

        var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        var args = string.IsNullOrWhiteSpace(body) ? [] : JsonNode.Parse(body)!.AsObject();
        var received = Stopwatch.GetTimestamp();
        if (token != Token)
        {
            return Error(new StandInFailure(401, "Unauthorized"));
        }

        StandInFailure? failure;
        TaskCompletionSource signal;
        int? postedId = null;
        lock (_gate)
        {
            var chatId = args["chat_id"]?.ToString();
            var index = _failures.FindIndex(f => string.Equals(f.Method, method, StringComparison.OrdinalIgnoreCase) && (f.ChatId is null || f.ChatId == chatId));
            failure = index < 0 ? FaultScript?.Invoke(method, chatId) : _failures[index].Failure;
            if (index >= 0)
            {
                _failures.RemoveAt(index);
            }

            if (failure is null && method.Equals("sendMessage", StringComparison.OrdinalIgnoreCase))
            {
                postedId = _nextMessageId++;
            }

            _requests.Add(new RecordedRequest(method, args, received, _clock?.GetUtcNow(), failure is not null && failure.StatusCode != 200) { Failure = failure, MessageId = postedId });
            signal = Pulse();
        }

        signal.TrySetResult();
        if (failure is { Hang: true })
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            await Task.Delay(Timeout.Infinite, both.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.Empty;
        }

        if (failure is { StatusCode: 200 })
        {
            // Posted; the answer carries a date no DateTime can hold.
            var message = MessageFor(args);
            message["date"] = long.MaxValue;
            return Ok(message);
        }

        if (failure is not null)
        {
            return Error(failure);
        }

        return method.ToUpperInvariant() switch
        {
            "GETME" => Ok(new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "LymphBot", ["username"] = BotUsername }),
            "GETUPDATES" => Ok(await GetUpdatesAsync(args, context.RequestAborted, stopping)),
            "SENDMESSAGE" => Ok(MessageFor(args, postedId)),
            "EDITMESSAGETEXT" => Ok(Edited(args)),
            "GETCHATMEMBER" => Ok(ChatMemberFor(args)),
            "SETMYCOMMANDS" or "SETWEBHOOK" or "DELETEWEBHOOK" or "ANSWERCALLBACKQUERY" => Ok(true),
            _ => Error(new StandInFailure(404, "Not Found: method not found")),
        };
    }

    /// <summary>"chatId:userId" pairs the stand-in reports as chat administrators; everyone else is a member.</summary>
    public HashSet<string> Administrators { get; } = [];

    private JsonObject ChatMemberFor(JsonObject args)
    {
        var key = $"{args["chat_id"]}:{args["user_id"]}";
        bool admin;
        lock (_gate)
        {
            admin = Administrators.Contains(key);
        }

        var user = new JsonObject { ["id"] = long.Parse(args["user_id"]!.ToString(), CultureInfo.InvariantCulture), ["is_bot"] = false, ["first_name"] = "Member" };
        return admin
            ? new JsonObject { ["status"] = "administrator", ["user"] = user, ["can_be_edited"] = false, ["is_anonymous"] = false, ["can_manage_chat"] = true, ["can_delete_messages"] = true, ["can_manage_video_chats"] = false, ["can_restrict_members"] = true, ["can_promote_members"] = false, ["can_change_info"] = false, ["can_invite_users"] = true, ["can_post_stories"] = false, ["can_edit_stories"] = false, ["can_delete_stories"] = false }
            : new JsonObject { ["status"] = "member", ["user"] = user };
    }

    /// <summary>editMessageText's answer: the message as edited (the stand-in keeps no messages, so any id edits).</summary>
    private static JsonObject Edited(JsonObject args)
    {
        var chatId = long.Parse(args["chat_id"]!.ToString(), CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["message_id"] = args["message_id"]!.GetValue<int>(),
            ["date"] = 1_800_000_000,
            ["edit_date"] = 1_800_000_100,
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId > 0 ? "private" : "supergroup" },
            ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "LymphBot", ["username"] = BotUsername },
            ["text"] = args["text"]?.ToString() ?? string.Empty,
        };
    }

    private JsonObject MessageFor(JsonObject args, int? postedId = null)
    {
        var chatId = long.Parse(args["chat_id"]!.ToString(), CultureInfo.InvariantCulture);
        int messageId;
        lock (_gate)
        {
            messageId = postedId ?? _nextMessageId++;
        }

        return new JsonObject
        {
            ["message_id"] = messageId,
            ["date"] = 1_800_000_000,
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId > 0 ? "private" : "supergroup" },
            ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "LymphBot", ["username"] = BotUsername },
            ["text"] = args["text"]?.ToString() ?? string.Empty,
        };
    }

    private async Task<JsonArray> GetUpdatesAsync(JsonObject args, CancellationToken aborted, CancellationToken stopping)
    {
        var offset = args["offset"]?.GetValue<int>() ?? 0;
        var limit = args["limit"]?.GetValue<int>() ?? 100;
        var timeout = IgnoreTimeout ? TimeSpan.Zero : TimeSpan.FromSeconds(args["timeout"]?.GetValue<int>() ?? 0);
        var started = Stopwatch.GetTimestamp();
        using var both = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (offset > 0)
                {
                    _pending.RemoveAll(u => u.Id < offset);
                    ConfirmedOffset = Math.Max(ConfirmedOffset, offset);
                }

                var batch = _pending.Where(u => u.Id >= offset).Take(IgnoreLimit ? int.MaxValue : limit).Select(u => u.Update).ToList();
                var left = timeout - Stopwatch.GetElapsedTime(started);
                if (batch.Count > 0 || left <= TimeSpan.Zero || both.IsCancellationRequested)
                {
                    return [.. batch.Select(u => u?.DeepClone())];
                }

                changed = _changed.Task;
            }

            await Task.WhenAny(changed, Task.Delay(timeout - Stopwatch.GetElapsedTime(started) is var l && l > TimeSpan.Zero ? l : TimeSpan.Zero, both.Token));
        }
    }
}
