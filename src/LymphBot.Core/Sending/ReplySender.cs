using LymphBot.Core.Chat;
using LymphBot.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace LymphBot.Core.Sending;

/// <summary>
/// Sends the answer to a member's message, and owns its retries: while <see cref="SendPolicy"/> says another attempt
/// cannot post it twice (the platform did not take it, or de-duplicates repeats), it tries again with backoff, at
/// most 10 s apart, until the caller's deadline; a formatting error is sent again without formatting, and a chat
/// that moved is followed. A chat that turned out unreachable is recorded here, once. Polly's retry strategy runs
/// the attempts on the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class ReplySender
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);
    private static readonly ResiliencePropertyKey<ReplyAttempt> AttemptKey = new("lymphbot.reply");

    private readonly ChatPlatforms _platforms;
    private readonly IChatReachability _reachability;
    private readonly ChatMigrations _migrations;
    private readonly TimeProvider _time;
    private readonly LymphBotMetrics _metrics;
    private readonly ILogger<ReplySender> _logger;
    private readonly ResiliencePipeline<SendReport> _pipeline;

    public ReplySender(
        ChatPlatforms platforms,
        IChatReachability reachability,
        ChatMigrations migrations,
        TimeProvider time,
        LymphBotMetrics metrics,
        ILogger<ReplySender> logger)
    {
        _platforms = platforms;
        _reachability = reachability;
        _migrations = migrations;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _pipeline = new ResiliencePipelineBuilder<SendReport> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<SendReport>
            {
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } report && Plan(args.Context, report, args.AttemptNumber + 1)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(AttemptKey, null!).Next!.Delay),
                OnRetry = args => FollowAsync(args.Context),
            })
            .Build();
    }

    /// <summary>Sends <paramref name="reply"/> to <paramref name="chat"/>, repeating as allowed until <paramref name="retryUntil"/>.</summary>
    public async Task<SendReport> SendAsync(ChatAddress chat, Reply reply, SendRequest request, DateTimeOffset retryUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(reply);

        // Every reply carries a key of its own, so a platform that de-duplicates (Discord's nonce) posts a repeat once.
        reply = reply.IdempotencyKey is null ? reply with { IdempotencyKey = "r-" + Guid.NewGuid().ToString("N")[..20] } : reply;
        var attempt = new ReplyAttempt(chat, request, retryUntil, _platforms.DeduplicatesRepeats(chat.Platform));
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(AttemptKey, attempt);
            var report = await _pipeline.ExecuteAsync(
                static async (ctx, state) => await state.Platforms.SendAsync(state.Attempt.Chat, state.Reply, state.Attempt.Request, ctx.CancellationToken),
                context,
                (Platforms: _platforms, Attempt: attempt, Reply: reply));
            await SettleAsync(attempt, report, cancellationToken);
            return report;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private bool Plan(ResilienceContext context, SendReport report, int attemptNumber)
    {
        var attempt = context.Properties.GetValue(AttemptKey, null!);
        var next = SendPolicy.Next(report, attempt.Request, attemptNumber, attempt.DeduplicatesRepeats, MaxBackoff, Random.Shared);
        if (next is not null && !next.SpendsAttempt && ++attempt.FreeRetries > ReplyAttempt.MaxFreeRetries)
        {
            next = null;
        }

        if (next is not null && _time.GetUtcNow() + next.Delay > attempt.RetryUntil)
        {
            attempt.WindowClosed = true;
            next = null;
        }

        attempt.Next = next;
        if (next is not null)
        {
            LogRetrying(attempt.Chat.ToString(), report.Outcome, report.Detail, next.Delay.TotalSeconds);
        }

        return next is not null;
    }

    private async ValueTask FollowAsync(ResilienceContext context)
    {
        var attempt = context.Properties.GetValue(AttemptKey, null!);
        var next = attempt.Next!;
        if (next.MovedTo is { } moved)
        {
            await _migrations.MoveAsync(attempt.Chat, moved, context.CancellationToken);
            attempt.Chat = moved with { ThreadId = attempt.Chat.ThreadId };
        }

        attempt.Request = next.Request;
    }

    private async Task SettleAsync(ReplyAttempt attempt, SendReport report, CancellationToken cancellationToken)
    {
        var chat = attempt.Chat.ToString();
        switch (report.Outcome)
        {
            case SendOutcome.Sent:
                return;
            case SendOutcome.Unreachable:
                LogUnreachable(chat, report.Detail);
                await _reachability.ReportUnreachableAsync(attempt.Chat, report.Detail, cancellationToken);
                return;
            case SendOutcome.Unknown when !attempt.DeduplicatesRepeats:
                // It may have been posted, and repeating it could post it twice: counted, never repeated.
                _metrics.SendsUnconfirmed.Add(1, new KeyValuePair<string, object?>("platform", attempt.Chat.Platform), new KeyValuePair<string, object?>("owner", "reply"));
                LogUnconfirmed(chat, report.Detail);
                return;
            default:
                if (attempt.WindowClosed)
                {
                    LogDropped(chat, report.Outcome, report.Detail);
                }
                else
                {
                    LogNotSent(chat, report.Outcome, report.Detail);
                }

                return;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A reply to {Chat} was {Outcome} ({Detail}); sending it again in {Seconds:0.###} s")]
    private partial void LogRetrying(string chat, SendOutcome outcome, string detail, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat {Chat} is unreachable: {Detail}")]
    private partial void LogUnreachable(string chat, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reply to {Chat} may or may not have been posted ({Detail}); it is not sent again, so it cannot arrive twice")]
    private partial void LogUnconfirmed(string chat, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a reply to {Chat}: still {Outcome} when its retry window closed ({Detail})")]
    private partial void LogDropped(string chat, SendOutcome outcome, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reply to {Chat} was not sent ({Outcome}: {Detail})")]
    private partial void LogNotSent(string chat, SendOutcome outcome, string detail);

    /// <summary>One reply on its way: where it goes now, how it is sent next, and what the policy decided last.</summary>
    private sealed class ReplyAttempt(ChatAddress chat, SendRequest request, DateTimeOffset retryUntil, bool deduplicatesRepeats)
    {
        /// <summary>Repeats that cost no attempt (plain text, a moved chat, a rate limit) are bounded too, against a platform that loops.</summary>
        public const int MaxFreeRetries = 20;

        public ChatAddress Chat { get; set; } = chat;

        public SendRequest Request { get; set; } = request;

        public DateTimeOffset RetryUntil { get; } = retryUntil;

        public bool DeduplicatesRepeats { get; } = deduplicatesRepeats;

        public SendRetry? Next { get; set; }

        public int FreeRetries { get; set; }

        public bool WindowClosed { get; set; }
    }
}
