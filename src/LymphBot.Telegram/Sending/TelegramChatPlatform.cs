using System.Globalization;
using LymphBot.Core.Chat;
using LymphBot.Core.Sending;
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
/// Sends replies and reminders to Telegram, once: renders them as HTML (or plain text when asked), paces every message
/// through <see cref="TelegramSendPacer"/>, and classifies what came back. It never repeats a send: the turn (for a
/// reply) or the outbox (for a reminder) decides that with Core's one retry policy. A 2xx whose body the client cannot
/// read is a send that went out.
/// </summary>
public sealed partial class TelegramChatPlatform(
    TelegramBotClients clients,
    TelegramSendPacer pacer,
    LymphBotMetrics metrics,
    IOptions<TelegramOptions> options,
    ILogger<TelegramChatPlatform> logger) : IChatPlatform
{
    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    public string Name => TelegramMapping.Platform;

    /// <summary>The Bot API has no idempotency key: a send that may have been posted is never repeated.</summary>
    public bool DeduplicatesRepeats => false;

    public async Task<SendReport> SendAsync(ChatAddress address, Reply reply, SendRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(request);
        if (!long.TryParse(address.ChatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
        {
            return new SendReport(SendOutcome.Rejected, $"'{address}' is not a Telegram chat address.");
        }

        int? threadId = int.TryParse(address.ThreadId, NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : null;
        int? replyTo = int.TryParse(request.ReplyToMessageId, NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : null;
        var parts = TelegramRendering.Render(reply);
        if (parts.Count <= request.FromPart)
        {
            LogEmptyReply(address.ToString());
            return SendReport.Done(0);
        }

        var keyboard = TelegramRendering.ToKeyboard(reply.Buttons);
        var lane = await pacer.EnterAsync(chatId, cancellationToken);
        try
        {
            for (var i = request.FromPart; i < parts.Count; i++)
            {
                var message = new OutgoingMessage(
                    address,
                    chatId,
                    threadId,
                    parts[i],
                    i == 0 ? replyTo : null,
                    i == parts.Count - 1 ? keyboard : null);
                if (await SendPartAsync(lane, message, request.Plain, cancellationToken) is { } failed)
                {
                    return failed with { PartsSent = i - request.FromPart };
                }
            }

            return SendReport.Done(parts.Count - request.FromPart);
        }
        finally
        {
            pacer.Leave(lane);
        }
    }

    /// <summary>Sends one message; <c>null</c> when it went out, otherwise what happened instead.</summary>
    private async Task<SendReport?> SendPartAsync(TelegramChatLane lane, OutgoingMessage message, bool plain, CancellationToken cancellationToken)
    {
        var settings = options.Value;

        // The message holds its place in the pace's windows until Telegram has answered (or the wait is given up).
        using var turn = await pacer.WaitTurnAsync(lane, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.RequestTimeout);
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
            return null;
        }
        catch (ApiRequestException ex)
        {
            var report = TelegramErrors.Classify(ex);
            if (report.Outcome == SendOutcome.RateLimited && report.RetryAfter is { } retryAfter)
            {
                // A 429 is about the bot, not this chat: every send waits.
                pacer.PauseFor(retryAfter);
                metrics.RecordRateLimitWait(Name, "bot", retryAfter);
                LogRateLimited(message.Address.ToString(), retryAfter.TotalSeconds);
            }

            return report;
        }
        catch (RequestException ex) when (TelegramErrors.IsUnreadableSuccess(ex))
        {
            LogUnreadableSuccess(message.Address.ToString(), ex.InnerException?.Message ?? ex.Message);
            return null;
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            return new SendReport(TelegramErrors.ClassifyTransport(ex), ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendReport(SendOutcome.Unknown, $"no answer within {settings.RequestTimeout.TotalSeconds:0.###} s");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram rate-limited a message to {Chat}; all sends pause for {Seconds} s")]
    private partial void LogRateLimited(string chat, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram accepted a message to {Chat} but its answer could not be read ({Problem}); it counts as sent and is not sent again")]
    private partial void LogUnreadableSuccess(string chat, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Nothing to send to {Chat}: the reply is empty")]
    private partial void LogEmptyReply(string chat);

    private sealed record OutgoingMessage(
        ChatAddress Address, long ChatId, int? ThreadId, TelegramMessagePart Part, int? ReplyTo, InlineKeyboardMarkup? Keyboard);
}
