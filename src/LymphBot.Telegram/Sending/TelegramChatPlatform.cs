using System.Globalization;
using LymphBot.Core.Chat;
using LymphBot.Core.Telemetry;
using LymphBot.Telegram.Mapping;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace LymphBot.Telegram.Sending;

/// <summary>
/// Sends replies and reminders to Telegram: renders them as HTML, paces every message through
/// <see cref="TelegramSendPacer"/>, waits out 429s, retries network faults, timeouts and 5xx with backoff (a reply,
/// while Telegram surely did not take it, for up to <see cref="TelegramOptions.ReplyRetryWindow"/>), resends once as
/// plain text when Telegram cannot parse the HTML, and reports chats it can no longer reach.
/// </summary>
public sealed partial class TelegramChatPlatform(
    TelegramBotClients clients,
    TelegramSendPacer pacer,
    IChatReachability reachability,
    LymphBotMetrics metrics,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramChatPlatform> logger) : IChatPlatform
{
    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    // Within a reply's window, waits stay short, so the answer follows soon after Telegram is back.
    private static readonly TimeSpan ReplyMaxBackoff = TimeSpan.FromSeconds(10);

    public string Name => TelegramMapping.Platform;

    public Task SendAsync(ChatAddress address, Reply reply, CancellationToken cancellationToken) =>
        SendAsync(address, reply, replyToMessageId: null, retryUntil: null, cancellationToken);

    /// <summary>
    /// Sends the answer to a member's message; in groups the first part replies to <paramref name="replyToMessageId"/>.
    /// While Telegram surely did not take it (no connection, 5xx, 429), it keeps trying with backoff until
    /// <see cref="TelegramOptions.ReplyRetryWindow"/> after <paramref name="receivedAt"/>, so a short outage only delays
    /// the answer; an answer still not sent then is dropped and logged.
    /// </summary>
    public Task SendReplyAsync(ChatAddress address, Reply reply, int? replyToMessageId, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        SendAsync(address, reply, replyToMessageId, receivedAt + options.Value.ReplyRetryWindow, cancellationToken);

    private async Task SendAsync(ChatAddress address, Reply reply, int? replyToMessageId, DateTimeOffset? retryUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(reply);
        if (!long.TryParse(address.ChatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
        {
            throw new ChatSendException(SendFailure.Rejected, $"'{address}' is not a Telegram chat address.");
        }

        int? threadId = int.TryParse(address.ThreadId, NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : null;
        var parts = TelegramRendering.Render(reply);
        if (parts.Count == 0)
        {
            LogEmptyReply(address.ToString());
            return;
        }

        var keyboard = TelegramRendering.ToKeyboard(reply.Buttons);
        var lane = await pacer.EnterAsync(chatId, cancellationToken);
        try
        {
            for (var i = 0; i < parts.Count; i++)
            {
                var message = new OutgoingMessage(
                    address,
                    chatId,
                    threadId,
                    parts[i],
                    i == 0 ? replyToMessageId : null,
                    i == parts.Count - 1 ? keyboard : null);
                await SendPartAsync(lane, message, retryUntil, cancellationToken);
            }
        }
        finally
        {
            pacer.Leave(lane);
        }
    }

    // Two kinds of failure are told apart. When Telegram surely did not take the message (SurelyNotSent), sending it
    // again cannot make a duplicate: a reply keeps trying until retryUntil. When it may have (a timeout after the
    // request left), Telegram has no idempotency key, so the rule stays what it was: retried while the failures number
    // no more than SendRetries, window or not.
    private async Task SendPartAsync(TelegramChatLane lane, OutgoingMessage message, DateTimeOffset? retryUntil, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var plain = false;
        var failures = 0;
        var rateLimits = 0;
        while (true)
        {
            await pacer.WaitTurnAsync(lane, cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.RequestTimeout);
            string failure;
            bool notSent;
            try
            {
                await clients.Create().SendMessage(
                    message.ChatId,
                    plain ? message.Part.PlainText : message.Part.Html,
                    parseMode: plain ? ParseMode.None : ParseMode.Html,
                    replyParameters: message.ReplyTo is { } id ? new ReplyParameters { MessageId = id, AllowSendingWithoutReply = true } : null,
                    replyMarkup: message.Keyboard,
                    linkPreviewOptions: NoPreview,
                    messageThreadId: message.ThreadId,
                    cancellationToken: timeout.Token);
                return;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 429)
            {
                var retryAfter = TelegramErrors.RetryAfter(ex);
                pacer.PauseFor(retryAfter);
                metrics.RecordRateLimitWait(Name, "bot", retryAfter);
                LogRateLimited(message.Address.ToString(), retryAfter.TotalSeconds);
                if (++rateLimits > settings.RateLimitRetries && !Within(retryUntil, retryAfter))
                {
                    LogIfOutOfWindow(message, retryUntil, ex.Message);
                    throw new ChatSendException(SendFailure.RateLimited, $"Telegram kept rate-limiting messages to {message.Address}.", retryAfter, ex);
                }

                continue;
            }
            catch (ApiRequestException ex) when (TelegramErrors.IsFormattingError(ex) && !plain)
            {
                LogFormattingError(message.Address.ToString(), ex.Message);
                plain = true;
                continue;
            }
            catch (ApiRequestException ex) when (TelegramErrors.Classify(ex) != SendFailure.Transient)
            {
                var kind = TelegramErrors.Classify(ex);
                if (kind == SendFailure.Unreachable)
                {
                    LogUnreachable(message.Address.ToString(), ex.Message);
                    await reachability.ReportUnreachableAsync(message.Address with { ThreadId = null }, ex.Message, cancellationToken);
                }

                throw new ChatSendException(kind, $"Telegram refused a message to {message.Address}: {ex.Message}", null, ex);
            }
            catch (ApiRequestException ex)
            {
                failure = $"error {ex.ErrorCode}: {ex.Message}";
                notSent = TelegramErrors.SurelyNotSent(ex);
            }
            catch (RequestException ex) when (!cancellationToken.IsCancellationRequested)
            {
                failure = ex.Message;
                notSent = TelegramErrors.SurelyNotSent(ex);
            }
            catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
            {
                failure = ex.Message;
                notSent = TelegramErrors.SurelyNotSent(ex);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = $"no answer within {settings.RequestTimeout.TotalSeconds:0.###} s";
                notSent = false;
            }

            failures++;
            var delay = Backoff(settings.RetryDelay, failures);
            if (failures > settings.SendRetries)
            {
                // Beyond SendRetries only a reply whose message surely did not go out keeps trying, within its window.
                var left = retryUntil is { } until ? until - time.GetUtcNow() : TimeSpan.Zero;
                if (!notSent || left <= TimeSpan.Zero)
                {
                    LogIfOutOfWindow(message, notSent ? retryUntil : null, failure);
                    throw new ChatSendException(SendFailure.Transient, $"Sending to {message.Address} failed {failures} times; last: {failure}");
                }

                delay = Shorter(Shorter(delay, ReplyMaxBackoff), left);
            }

            LogRetrying(message.Address.ToString(), failure, delay.TotalSeconds);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    internal static TimeSpan Backoff(TimeSpan first, int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures - 1, 16));
        var delay = first * factor;
        return delay > MaxBackoff ? MaxBackoff : delay;
    }

    private static TimeSpan Shorter(TimeSpan a, TimeSpan b) => a < b ? a : b;

    // A reply may still be tried after waiting for `wait`.
    private bool Within(DateTimeOffset? retryUntil, TimeSpan wait) => retryUntil is { } until && time.GetUtcNow() + wait <= until;

    // A reply given up on because its window is over: the one place a member's answer is knowingly dropped.
    private void LogIfOutOfWindow(OutgoingMessage message, DateTimeOffset? retryUntil, string failure)
    {
        if (retryUntil is not null)
        {
            LogReplyDropped(message.Address.ToString(), options.Value.ReplyRetryWindow.TotalSeconds, failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram rate-limited a message to {Chat}; all sends pause for {Seconds} s")]
    private partial void LogRateLimited(string chat, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram could not parse the formatting of a message to {Chat} ({Description}); resending it as plain text")]
    private partial void LogFormattingError(string chat, string description);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram chat {Chat} is unreachable: {Description}")]
    private partial void LogUnreachable(string chat, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending to Telegram chat {Chat} failed ({Failure}); retrying in {Seconds} s")]
    private partial void LogRetrying(string chat, string failure, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a reply to {Chat}: not sent within {Seconds} s (Telegram:ReplyRetryWindow); last: {Failure}")]
    private partial void LogReplyDropped(string chat, double seconds, string failure);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Nothing to send to {Chat}: the reply is empty")]
    private partial void LogEmptyReply(string chat);

    private sealed record OutgoingMessage(
        ChatAddress Address, long ChatId, int? ThreadId, TelegramMessagePart Part, int? ReplyTo, InlineKeyboardMarkup? Keyboard);
}
