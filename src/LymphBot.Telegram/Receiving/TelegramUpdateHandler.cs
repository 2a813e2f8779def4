using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Sending;
using LymphBot.Core.Turns;
using LymphBot.Telegram.Mapping;
using LymphBot.Telegram.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace LymphBot.Telegram.Receiving;

/// <summary>One update in, at most one reply out: maps it, lets Core decide, and sends what Core says.</summary>
public sealed partial class TelegramUpdateHandler(
    CommandRouter router,
    ChatTurn turn,
    TelegramBotClients clients,
    TelegramBotIdentity identity,
    TelegramChatAdmins admins,
    IChatReachability reachability,
    ChatMigrations migrations,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramUpdateHandler> logger)
{
    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var receivedAt = time.GetUtcNow();
        if (update.MyChatMember is { } member)
        {
            await HandleMembershipAsync(member, cancellationToken);
        }
        else if (update.Message is { } serviceMessage && TelegramMapping.ToChatMove(serviceMessage) is { } move)
        {
            // The group's reminders, tips and settings follow it to its new id (both service messages come; the
            // second move finds nothing left to move).
            await migrations.MoveAsync(move.Old, move.New, cancellationToken);
        }
        else if (update.Message is { } message)
        {
            var bot = await identity.WhenKnownAsync(cancellationToken);
            if (TelegramMapping.ToIncomingMessage(message, bot) is { } incoming)
            {
                if (incoming.Kind == ChatKind.Group && message.From is { } from && IsOurCommand(incoming))
                {
                    var admin = await admins.IsAdministratorAsync(message.Chat.Id, from.Id, cancellationToken);
                    incoming = incoming with { Facts = new SenderFacts(admin, []) };
                }

                // In groups the answer quotes the question, so it is clear whom the bot answers.
                await RespondAsync(incoming, incoming.Kind == ChatKind.Group ? message.MessageId : null, null, receivedAt, cancellationToken);
            }
        }
        else if (update.CallbackQuery is { } query)
        {
            await AnswerCallbackAsync(query, cancellationToken);
            var bot = await identity.WhenKnownAsync(cancellationToken);
            if (TelegramMapping.ToIncomingMessage(query, bot) is { } incoming)
            {
                // A reply that replaces the pressed message edits it (see TelegramChatPlatform).
                await RespondAsync(incoming, null, query.Message?.MessageId, receivedAt, cancellationToken);
            }
        }
    }

    // Only a command this bot runs can need the sender's rights: another bot's command, or a name we do not know,
    // costs no getChatMember call.
    private bool IsOurCommand(IncomingMessage incoming)
    {
        var text = InputText.Clean(incoming.Text);
        if (!CommandText.IsCommand(text))
        {
            return false;
        }

        var command = CommandText.Parse(text);
        return (command.TargetBot is null || string.Equals(command.TargetBot, incoming.BotUsername, StringComparison.OrdinalIgnoreCase))
            && router.Commands.Any(c => string.Equals(c.Spec.Name, command.Name, StringComparison.OrdinalIgnoreCase));
    }

    // The turn sends the reply and owns its retries: while Telegram surely did not take it, until ReplyRetryWindow after
    // the message came in.
    private Task<SendReport?> RespondAsync(
        IncomingMessage incoming, int? replyTo, int? pressedMessage, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        turn.RunAsync(
            incoming,
            new SendRequest(replyTo?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                PressedMessageId = pressedMessage?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            receivedAt + options.Value.ReplyRetryWindow,
            cancellationToken);

    private async Task HandleMembershipAsync(ChatMemberUpdated member, CancellationToken cancellationToken)
    {
        if (TelegramMapping.ToReachabilityChange(member) is not { } change)
        {
            return;
        }

        LogMembership(change.Chat.ToString(), change.Reachable, change.Reason);
        if (change.Reachable)
        {
            await reachability.ReportReachableAsync(change.Chat, cancellationToken);
        }
        else
        {
            await reachability.ReportUnreachableAsync(change.Chat, change.Reason, cancellationToken);
        }
    }

    // Answered first, so the button stops spinning even when the reply takes a while.
    private async Task AnswerCallbackAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        try
        {
            await clients.Create().AnswerCallbackQuery(query.Id, cancellationToken: cancellationToken);
        }
        catch (RequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A query older than ~15 minutes can no longer be answered; the reply below still goes out.
            LogCallbackAnswerFailed(ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram chat {Chat} reachable = {Reachable}: {Reason}")]
    private partial void LogMembership(string chat, bool reachable, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answering a callback query failed: {Description}")]
    private partial void LogCallbackAnswerFailed(string description);
}
