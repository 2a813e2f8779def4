using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using LymphBot.Core.Chat;
using LymphBot.Core.Sending;
using LymphBot.Discord.Mapping;
using LymphBot.Discord.Rest;
using LymphBot.Discord.Wire;

namespace LymphBot.Discord;

/// <summary>
/// Sends to Discord, once, and classifies what came back: replies, reminders and tips of the day alike. A
/// <see cref="ChatAddress.ChatId"/> is a channel id (a DM channel id included), or <c>user:&lt;id&gt;</c> to open
/// (once, then cached) the DM channel with that user. A reply's <see cref="Reply.IdempotencyKey"/> becomes the message
/// nonce (with <c>enforce_nonce</c>), so Discord posts a repeat once: the owner of the message may send again after an
/// answer that never came.
/// </summary>
public sealed class DiscordChatPlatform : IChatPlatform
{
    /// <summary>Prefix of a <see cref="ChatAddress.ChatId"/> naming a user rather than a channel: <c>user:&lt;user id&gt;</c>.</summary>
    public const string UserPrefix = "user:";

    /// <summary>Discord accepts nonces of at most 25 characters.</summary>
    public const int MaxNonceLength = 25;

    private readonly DiscordRestClient _rest;
    private readonly IChatReachability _reachability;
    private readonly DiscordStatus _status;
    private readonly ConcurrentDictionary<string, string> _dmChannels = new(StringComparer.Ordinal);

    internal DiscordChatPlatform(DiscordRestClient rest, IChatReachability reachability, DiscordStatus status)
    {
        _rest = rest;
        _reachability = reachability;
        _status = status;
    }

    public string Name => DiscordMapping.Platform;

    /// <summary>Messages carry the reply's idempotency key as their nonce: a repeat within minutes is posted once.</summary>
    public bool DeduplicatesRepeats => true;

    public async Task<SendReport> SendAsync(ChatAddress address, Reply reply, SendRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(address.Platform, Name, StringComparison.OrdinalIgnoreCase))
        {
            return new SendReport(SendOutcome.Rejected, $"{address} is not a Discord address.");
        }

        if (_status.IsStopped)
        {
            return new SendReport(SendOutcome.NotSent, "The Discord adapter is stopped: " + _status.StopReason);
        }

        var messages = DiscordRendering.ToMessages(reply);
        var nonce = reply.IdempotencyKey;
        var reopened = false;
        for (var i = request.FromPart; i < messages.Count; i++)
        {
            var payload = messages[i] with
            {
                Flags = null,
                Nonce = nonce is null ? null : NonceFor(nonce, i),
                EnforceNonce = nonce is null ? null : true,
                MessageReference = i == 0 && request.ReplyToMessageId is { } replyTo ? new MessageReference { MessageId = replyTo } : null,
            };

            try
            {
                var channelId = await ResolveChannelAsync(address, cancellationToken);
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
                return Classify(ex) with { PartsSent = i - request.FromPart };
            }
        }

        return SendReport.Done(messages.Count - request.FromPart);
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

    /// <summary>What a failed request means for the message: refused for good, to slow down, or not known to have gone out.</summary>
    internal SendReport Classify(DiscordRestException exception)
    {
        var unreachable = exception.Code switch
        {
            DiscordErrorCodes.CannotSendToUser or DiscordErrorCodes.NoMutualGuilds => $"discord {exception.Code}: the user does not accept direct messages from the bot",
            DiscordErrorCodes.UnknownChannel => $"discord {exception.Code}: unknown channel",
            DiscordErrorCodes.MissingAccess => $"discord {exception.Code}: missing access to the channel",
            DiscordErrorCodes.MissingPermissions => $"discord {exception.Code}: missing permissions in the channel (Send Messages)",
            _ => null,
        };

        return exception switch
        {
            _ when unreachable is not null => new SendReport(SendOutcome.Unreachable, unreachable),
            { IsRateLimited: true } => new SendReport(SendOutcome.RateLimited, exception.Message) { RetryAfter = exception.RetryAfter },

            // A token Discord rejected stops the adapter; the message may go out once the token is fixed.
            { Status: HttpStatusCode.Unauthorized } => new SendReport(SendOutcome.NotSent, "The Discord adapter is stopped: " + _status.StopReason),
            _ when _status.IsStopped => new SendReport(SendOutcome.NotSent, "The Discord adapter is stopped: " + _status.StopReason),
            { Status: null } when NeverLeft(exception) => new SendReport(SendOutcome.NotSent, exception.Message),

            // No answer, or a 5xx: it may have been posted; a repeat with the same nonce is posted once.
            { IsTransient: true } => new SendReport(SendOutcome.Unknown, exception.Message),
            _ => new SendReport(SendOutcome.Rejected, exception.Message),
        };
    }

    /// <summary>The user wrote to the bot in this DM: sends to them work again.</summary>
    internal async Task MarkReachableAsync(ChatAddress chat, string userId, CancellationToken cancellationToken)
    {
        _dmChannels[userId] = chat.ChatId;
        var userChat = chat with { ChatId = UserPrefix + userId };
        foreach (var address in new[] { chat, userChat })
        {
            if (await _reachability.FindUnreachableReasonAsync(address, cancellationToken) is not null)
            {
                await _reachability.ReportReachableAsync(address, cancellationToken);
            }
        }
    }

    // The connection was never made (refused, no DNS, TLS): Discord cannot have taken the request.
    private static bool NeverLeft(DiscordRestException exception) =>
        exception.InnerException is HttpRequestException
        {
            HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError,
        };

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
}
