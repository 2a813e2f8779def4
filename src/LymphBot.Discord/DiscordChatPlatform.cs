using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using LymphBot.Core.Chat;
using LymphBot.Discord.Mapping;
using LymphBot.Discord.Rest;
using LymphBot.Discord.Wire;
using Microsoft.Extensions.Logging;

namespace LymphBot.Discord;

/// <summary>
/// Sends to Discord on the bot's own initiative (reminders, tips of the day) and for replies. A
/// <see cref="ChatAddress.ChatId"/> is a channel id (a DM channel id included), or <c>user:&lt;id&gt;</c> to open
/// (once, then cached) the DM channel with that user. Failures are classified as <see cref="ChatSendException"/>;
/// chats Discord says are unreachable are reported to <see cref="IChatReachability"/> and not tried again by this
/// process until the user writes to the bot.
/// </summary>
public sealed partial class DiscordChatPlatform : IChatPlatform
{
    /// <summary>Prefix of a <see cref="ChatAddress.ChatId"/> naming a user rather than a channel: <c>user:&lt;user id&gt;</c>.</summary>
    public const string UserPrefix = "user:";

    /// <summary>Discord accepts nonces of at most 25 characters.</summary>
    public const int MaxNonceLength = 25;

    private readonly DiscordRestClient _rest;
    private readonly IChatReachability _reachability;
    private readonly DiscordStatus _status;
    private readonly ILogger<DiscordChatPlatform> _logger;
    private readonly ConcurrentDictionary<string, string> _dmChannels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Reason, DateTimeOffset Until)> _paused = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    internal DiscordChatPlatform(DiscordRestClient rest, IChatReachability reachability, DiscordStatus status, TimeProvider time, ILogger<DiscordChatPlatform> logger)
    {
        _rest = rest;
        _reachability = reachability;
        _status = status;
        _time = time;
        _logger = logger;
    }

    /// <summary>How long this process stops sending unprompted messages to a chat Discord called unreachable.</summary>
    internal static TimeSpan PauseAfterRefusal { get; } = TimeSpan.FromHours(1);

    public string Name => DiscordMapping.Platform;

    /// <summary>Sends a reply; its <see cref="Reply.IdempotencyKey"/>, when set, becomes the message nonce.</summary>
    public Task SendAsync(ChatAddress address, Reply reply, CancellationToken cancellationToken) =>
        SendAsync(address, reply, reply?.IdempotencyKey, cancellationToken);

    /// <summary>
    /// Sends with a <paramref name="nonce"/> (and <c>enforce_nonce</c>), so a retry after a timeout cannot post the
    /// reminder twice: Discord de-duplicates by nonce for a few minutes. Nonces longer than 25 characters are hashed;
    /// the parts of a reply split over several messages get derived nonces.
    /// </summary>
    public async Task SendAsync(ChatAddress address, Reply reply, string? nonce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(reply);
        if (!string.Equals(address.Platform, Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new ChatSendException(SendFailure.Rejected, $"{address} is not a Discord address.");
        }

        if (_paused.TryGetValue(address.ChatId, out var paused) && paused.Until > _time.GetUtcNow())
        {
            throw new ChatSendException(SendFailure.Unreachable, paused.Reason);
        }

        await DeliverAsync(address, reply, nonce, replyTo: null, cancellationToken);
    }

    internal static string NonceFor(string nonce, int part)
    {
        var value = part == 0 ? nonce : nonce + "." + part.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (value.Length <= MaxNonceLength)
        {
            return value;
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..MaxNonceLength];
    }

    /// <summary>A reply to an incoming message; in servers it quotes the message it answers.</summary>
    internal Task ReplyAsync(ChatAddress chat, Reply reply, string? replyToMessageId, CancellationToken cancellationToken) =>
        DeliverAsync(chat, reply, null, replyToMessageId, cancellationToken);

    /// <summary>The user wrote to the bot in this DM: sends to them work again.</summary>
    internal async Task MarkReachableAsync(ChatAddress chat, string userId, CancellationToken cancellationToken)
    {
        var userKey = UserPrefix + userId;
        _dmChannels[userId] = chat.ChatId;
        var wasPaused = _paused.TryRemove(chat.ChatId, out _) | _paused.TryRemove(userKey, out _);
        if (wasPaused)
        {
            await _reachability.ReportReachableAsync(chat, cancellationToken);
            await _reachability.ReportReachableAsync(chat with { ChatId = userKey }, cancellationToken);
        }
    }

    private async Task DeliverAsync(ChatAddress address, Reply reply, string? nonce, string? replyTo, CancellationToken cancellationToken)
    {
        if (_status.IsStopped)
        {
            throw new ChatSendException(SendFailure.Unreachable, "The Discord adapter is stopped: " + _status.StopReason);
        }

        var messages = DiscordRendering.ToMessages(reply);
        var reopened = false;
        for (var i = 0; i < messages.Count; i++)
        {
            var payload = messages[i] with
            {
                Flags = null,
                Nonce = nonce is null ? null : NonceFor(nonce, i),
                EnforceNonce = nonce is null ? null : true,
                MessageReference = i == 0 && replyTo is not null ? new MessageReference { MessageId = replyTo } : null,
            };

            string? channelId = null;
            try
            {
                channelId = await ResolveChannelAsync(address, cancellationToken);
                await _rest.CreateMessageAsync(channelId, payload, cancellationToken);
            }
            catch (DiscordRestException ex) when (ex.Code == DiscordErrorCodes.UnknownChannel && IsUser(address, out var userId) && !reopened)
            {
                // A cached DM channel went stale: open it again once.
                _dmChannels.TryRemove(userId, out _);
                reopened = true;
                i--;
            }
            catch (DiscordRestException ex)
            {
                throw await FailAsync(address, channelId, ex, cancellationToken);
            }
        }
    }

    private static bool IsUser(ChatAddress address, out string userId)
    {
        if (address.ChatId.StartsWith(UserPrefix, StringComparison.Ordinal))
        {
            userId = address.ChatId[UserPrefix.Length..];
            return true;
        }

        userId = string.Empty;
        return false;
    }

    private async Task<string> ResolveChannelAsync(ChatAddress address, CancellationToken cancellationToken)
    {
        if (!IsUser(address, out var userId))
        {
            return address.ThreadId ?? address.ChatId;
        }

        if (_dmChannels.TryGetValue(userId, out var cached))
        {
            return cached;
        }

        var channelId = await _rest.CreateDmAsync(userId, cancellationToken);
        _dmChannels[userId] = channelId;
        return channelId;
    }

    private async Task<ChatSendException> FailAsync(ChatAddress address, string? channelId, DiscordRestException ex, CancellationToken cancellationToken)
    {
        var unreachable = ex.Code switch
        {
            DiscordErrorCodes.CannotSendToUser or DiscordErrorCodes.NoMutualGuilds => $"discord {ex.Code}: the user does not accept direct messages from the bot",
            DiscordErrorCodes.UnknownChannel => $"discord {ex.Code}: unknown channel",
            DiscordErrorCodes.MissingAccess => $"discord {ex.Code}: missing access to the channel",
            DiscordErrorCodes.MissingPermissions => $"discord {ex.Code}: missing permissions in the channel (Send Messages)",
            _ => null,
        };

        if (unreachable is not null)
        {
            // One refusal is enough: retrying only adds 403s toward Discord's invalid-request ban.
            var until = _time.GetUtcNow() + PauseAfterRefusal;
            _paused[address.ChatId] = (unreachable, until);
            if (channelId is not null)
            {
                _paused[channelId] = (unreachable, until);
            }

            LogUnreachable(address.ToString(), unreachable);
            await _reachability.ReportUnreachableAsync(address, unreachable, cancellationToken);
            return new ChatSendException(SendFailure.Unreachable, unreachable, null, ex);
        }

        if (ex.IsRateLimited)
        {
            return new ChatSendException(SendFailure.RateLimited, ex.Message, ex.RetryAfter, ex);
        }

        if (ex.Status == HttpStatusCode.Unauthorized || _status.IsStopped)
        {
            return new ChatSendException(SendFailure.Unreachable, "The Discord adapter is stopped: " + _status.StopReason, null, ex);
        }

        if (ex.IsTransient)
        {
            return new ChatSendException(SendFailure.Transient, ex.Message, null, ex);
        }

        LogRejected(address.ToString(), ex.Message);
        return new ChatSendException(SendFailure.Rejected, ex.Message, null, ex);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord chat {Chat} is unreachable: {Reason}")]
    private partial void LogUnreachable(string chat, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord rejected a message to {Chat}: {Error}")]
    private partial void LogRejected(string chat, string error);
}
