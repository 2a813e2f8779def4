using System.Collections.Concurrent;
using LymphBot.Telegram.Sending;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace LymphBot.Telegram.Receiving;

/// <summary>
/// Whether a user administers a group, from <c>getChatMember</c>, cached for a few minutes: the platform fact Core's
/// <c>Moderators</c> rule needs. Asked only for commands in groups, so ordinary chatter costs no API call.
/// </summary>
public sealed partial class TelegramChatAdmins(TelegramBotClients clients, TimeProvider time, ILogger<TelegramChatAdmins> logger)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(long Chat, long User), (bool Admin, DateTimeOffset Until)> _cache = new();

    public async Task<bool> IsAdministratorAsync(long chatId, long userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue((chatId, userId), out var cached) && cached.Until > now)
        {
            return cached.Admin;
        }

        try
        {
            var member = await clients.Create().GetChatMember(chatId, userId, cancellationToken);
            var admin = member.Status is ChatMemberStatus.Creator or ChatMemberStatus.Administrator;
            _cache[(chatId, userId)] = (admin, now + CacheFor);
            return admin;
        }
        catch (RequestException ex)
        {
            // Unknown means not a moderator: a refusal is safer than acting on a guess.
            LogLookupFailed(chatId, ex.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "getChatMember failed for chat {Chat}: {Description}")]
    private partial void LogLookupFailed(long chat, string description);
}
