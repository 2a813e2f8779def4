using System.Collections.Concurrent;
using LymphBot.Telegram.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace LymphBot.Telegram.Receiving;

/// <summary>
/// Whether a user administers a group, from <c>getChatMember</c>, cached for a few minutes: the platform fact Core's
/// <c>Moderators</c> rule needs. Asked only for this bot's commands in groups, so ordinary chatter and other bots'
/// commands cost no API call. A failed look-up counts as "not an administrator" and is cached too, for a shorter
/// time, so a member repeating a command while Telegram refuses the look-up does not repeat the call.
/// </summary>
public sealed partial class TelegramChatAdmins(
    TelegramBotClients clients,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramChatAdmins> logger)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan FailureCacheFor = TimeSpan.FromMinutes(1);

    private const int PruneThreshold = 10_000;

    private readonly ConcurrentDictionary<(long Chat, long User), (bool Admin, DateTimeOffset Until)> _cache = new();

    public async Task<bool> IsAdministratorAsync(long chatId, long userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue((chatId, userId), out var cached) && cached.Until > now)
        {
            return cached.Admin;
        }

        if (_cache.Count >= PruneThreshold)
        {
            Prune(now);
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.RequestTimeout);
            var member = await clients.Create().GetChatMember(chatId, userId, timeout.Token);
            var admin = member.Status is ChatMemberStatus.Creator or ChatMemberStatus.Administrator;
            _cache[(chatId, userId)] = (admin, now + CacheFor);
            return admin;
        }
        catch (Exception ex) when ((ex is RequestException or HttpRequestException or OperationCanceledException) && !cancellationToken.IsCancellationRequested)
        {
            // Unknown means not a moderator: a refusal is safer than acting on a guess.
            LogLookupFailed(chatId, ex is OperationCanceledException ? "no answer in time" : ex.Message);
            _cache[(chatId, userId)] = (false, now + FailureCacheFor);
            return false;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, entry) in _cache)
        {
            if (entry.Until <= now)
            {
                _cache.TryRemove(key, out _);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "getChatMember failed for chat {Chat}: {Description}")]
    private partial void LogLookupFailed(long chat, string description);
}
