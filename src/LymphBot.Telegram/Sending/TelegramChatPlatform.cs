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
/// <see cref="TelegramSendPacer"/>, waits out 429s, retries network faults, timeouts and 5xx with backoff, resends
/// once as plain text when Telegram cannot parse the HTML, and reports chats it can no longer reach.
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

    public string Name => TelegramMapping.Platform;

    public Task SendAsync(ChatAddress address, Reply reply, CancellationToken cancellationToken) =>
        SendAsync(address, reply, replyToMessageId: null, cancellationToken);

    /// <summary>Sends <paramref name="reply"/>; in groups the first part replies to the message that asked.</summary>
    public async Task SendAsync(ChatAddress address, Reply reply, int? replyToMessageId, CancellationToken cancellationToken)
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
                await SendPartAsync(lane, message, cancellationToken);
            }
        }
        finally
        {
            pacer.Leave(lane);
        }
    }

    private async Task SendPartAsync(TelegramChatLane lane, OutgoingMessage message, CancellationToken cancellationToken)
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
                if (++rateLimits > settings.RateLimitRetries)
                {
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
            }
            catch (RequestException ex) when (!cancellationToken.IsCancellationRequested)
            {
                failure = ex.Message;
            }
            catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
            {
                failure = ex.Message;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = $"no answer within {settings.RequestTimeout.TotalSeconds:0.###} s";
            }

            if (++failures > settings.SendRetries)
            {
                throw new ChatSendException(SendFailure.Transient, $"Sending to {message.Address} failed {failures} times; last: {failure}");
            }

            var delay = Backoff(settings.RetryDelay, failures);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram rate-limited a message to {Chat}; all sends pause for {Seconds} s")]
    private partial void LogRateLimited(string chat, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram could not parse the formatting of a message to {Chat} ({Description}); resending it as plain text")]
    private partial void LogFormattingError(string chat, string description);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram chat {Chat} is unreachable: {Description}")]
    private partial void LogUnreachable(string chat, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending to Telegram chat {Chat} failed ({Failure}); retrying in {Seconds} s")]
    private partial void LogRetrying(string chat, string failure, double seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Nothing to send to {Chat}: the reply is empty")]
    private partial void LogEmptyReply(string chat);

    private sealed record OutgoingMessage(
        ChatAddress Address, long ChatId, int? ThreadId, TelegramMessagePart Part, int? ReplyTo, InlineKeyboardMarkup? Keyboard);
}
