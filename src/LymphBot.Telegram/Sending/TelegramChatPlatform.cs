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
using TelegramReplyMarkup = Telegram.Bot.Types.ReplyMarkups.ReplyMarkup;

namespace LymphBot.Telegram.Sending;

/// <summary>
/// Sends replies and reminders to Telegram, once: renders them as HTML (or plain text when asked), paces every message
/// through <see cref="TelegramSendPacer"/>, and classifies what came back. It never repeats a send: the turn (for a
/// reply) or the outbox (for a reminder) decides that with Core's one retry policy. A 2xx whose body the client cannot
/// read is a send that went out. A reply that replaces the pressed message (<see cref="Reply.ReplacesPressedMessage"/>)
/// edits it (editMessageText with the new inline keyboard); one Telegram will not edit (too old, gone) goes out as a new
/// message in the same attempt, and one that would change nothing counts as sent.
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

        var markup = TelegramRendering.ToReplyMarkup(reply);
        var lane = await pacer.EnterAsync(chatId, cancellationToken);
        try
        {
            if (EditTarget(reply, request, parts.Count) is { } pressed)
            {
                var edit = await EditAsync(lane, address, chatId, pressed, parts[0], markup as InlineKeyboardMarkup, request.Plain, cancellationToken);
                if (edit is not { Outcome: SendOutcome.Rejected } || TelegramErrors.IsUnchangedEdit(edit))
                {
                    return edit.Outcome == SendOutcome.Rejected ? SendReport.Done(1) : edit;
                }

                // Too old to edit, gone, or not a text message: the new state goes out as a new message, once.
                LogEditFellBack(address.ToString(), edit.Detail);
            }

            for (var i = request.FromPart; i < parts.Count; i++)
            {
                var message = new OutgoingMessage(
                    address,
                    chatId,
                    threadId,
                    parts[i],
                    i == 0 ? replyTo : null,
                    i == parts.Count - 1 ? markup : null);
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

    /// <summary>
    /// The message to edit in place of sending: the pressed one, when the reply replaces it and fits in one message
    /// whose buttons, if any, are inline (an edit cannot carry a reply keyboard).
    /// </summary>
    private static int? EditTarget(Reply reply, SendRequest request, int parts) =>
        reply.ReplacesPressedMessage && parts == 1 && request.FromPart == 0 && reply.LocationRequest is null && !reply.EndsLocationRequest
        && int.TryParse(request.PressedMessageId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    /// <summary>Edits the pressed message to the reply's text and buttons (none removes them): the report of that one call.</summary>
    private async Task<SendReport> EditAsync(
        TelegramChatLane lane, ChatAddress address, long chatId, int messageId, TelegramMessagePart part, InlineKeyboardMarkup? keyboard, bool plain, CancellationToken cancellationToken) =>
        await CallAsync(
            lane,
            address,
            (client, token) => client.EditMessageText(
                chatId,
                messageId,
                Text(part, plain),
                parseMode: Mode(part, plain),
                entities: Entities(part, plain),
                replyMarkup: keyboard,
                linkPreviewOptions: NoPreview,
                cancellationToken: token),
            cancellationToken) ?? SendReport.Done(1);

    /// <summary>Sends one message; <c>null</c> when it went out, otherwise what happened instead.</summary>
    private Task<SendReport?> SendPartAsync(TelegramChatLane lane, OutgoingMessage message, bool plain, CancellationToken cancellationToken) =>
        CallAsync(
            lane,
            message.Address,
            (client, token) => client.SendMessage(
                message.ChatId,
                Text(message.Part, plain),
                parseMode: Mode(message.Part, plain),
                entities: Entities(message.Part, plain),
                replyParameters: message.ReplyTo is { } id ? new ReplyParameters { MessageId = id, AllowSendingWithoutReply = true } : null,
                replyMarkup: message.Markup,
                linkPreviewOptions: NoPreview,
                messageThreadId: message.ThreadId,
                cancellationToken: token),
            cancellationToken);

    // A part with entities (a date-time entity) is sent as its plain text with them; the plain retry drops them too.
    private static string Text(TelegramMessagePart part, bool plain) => plain || part.Entities is not null ? part.PlainText : part.Html;

    private static ParseMode Mode(TelegramMessagePart part, bool plain) => plain || part.Entities is not null ? ParseMode.None : ParseMode.Html;

    private static IEnumerable<MessageEntity>? Entities(TelegramMessagePart part, bool plain) => plain ? null : part.Entities;

    /// <summary>One paced Bot API call that posts or changes a message; <c>null</c> when Telegram took it, otherwise what happened instead.</summary>
    private async Task<SendReport?> CallAsync(TelegramChatLane lane, ChatAddress address, Func<ITelegramBotClient, CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        var settings = options.Value;

        // The message holds its place in the pace's windows until Telegram has answered (or the wait is given up).
        using var turn = await pacer.WaitTurnAsync(lane, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.RequestTimeout);
        try
        {
            await call(clients.Create(), timeout.Token);
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
                LogRateLimited(address.ToString(), retryAfter.TotalSeconds);
            }

            return report;
        }
        catch (RequestException ex) when (TelegramErrors.IsUnreadableSuccess(ex))
        {
            LogUnreadableSuccess(address.ToString(), ex.InnerException?.Message ?? ex.Message);
            return null;
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            return new SendReport(TelegramErrors.ClassifyTransport(ex), TelegramErrors.DescribeTransport(ex));
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not edit the pressed message in {Chat} ({Detail}); sending the reply as a new message")]
    private partial void LogEditFellBack(string chat, string detail);

    private sealed record OutgoingMessage(
        ChatAddress Address, long ChatId, int? ThreadId, TelegramMessagePart Part, int? ReplyTo, TelegramReplyMarkup? Markup);
}
