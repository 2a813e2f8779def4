using System.Globalization;
using LymphBot.Core.Telemetry;
using LymphBot.Core.Turns;
using LymphBot.Telegram.Mapping;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace LymphBot.Telegram.Receiving;

/// <summary>
/// Hands updates to Core's per-chat lanes (<see cref="ChatLanes{T}"/>), keyed by chat: a chat's updates are handled
/// in order, while a slow answer in one chat never holds up intake or other chats. Holds at most
/// <see cref="TelegramOptions.MaxQueuedUpdates"/>; when full, polling waits (updates stay safely with Telegram) and
/// the webhook answers 503 so Telegram retries. What is Telegram's own: an update id seen lately is a redelivery.
/// </summary>
public sealed partial class TelegramUpdateDispatcher : IDisposable
{
    private const int RememberedIds = 2048;

    private readonly TelegramUpdateHandler _handler;
    private readonly ILogger<TelegramUpdateDispatcher> _logger;
    private readonly ChatLanes<QueuedUpdate> _lanes;
    private readonly Lock _gate = new();
    private readonly HashSet<int> _seen = [];
    private readonly Queue<int> _seenOrder = new();

    public TelegramUpdateDispatcher(TelegramUpdateHandler handler, IOptions<TelegramOptions> options, ILogger<TelegramUpdateDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _handler = handler;
        _logger = logger;
        _lanes = new ChatLanes<QueuedUpdate>(HandleAsync, LogHandlerFailed, options.Value.MaxQueuedUpdates);
    }

    public int Pending => _lanes.Pending;

    public int Room => _lanes.Room;

    /// <summary>Queues an update; <c>false</c> when full. An update seen recently (a redelivery) is accepted and dropped.</summary>
    public bool TryEnqueue(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var key = TelegramMapping.ChatKeyOf(update).ToString(CultureInfo.InvariantCulture);
        lock (_gate)
        {
            if (_seen.Contains(update.Id))
            {
                return true;
            }

            if (!_lanes.TryEnqueue(key, new QueuedUpdate(key, update)))
            {
                return false;
            }

            Remember(update.Id);
            return true;
        }
    }

    public Task WaitForRoomAsync(CancellationToken cancellationToken) => _lanes.WaitForRoomAsync(cancellationToken);

    /// <summary>Waits until every queued update is handled; when <paramref name="cancellationToken"/> fires first, cancels the rest.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (await _lanes.DrainAsync(cancellationToken) is > 0 and var left)
        {
            LogAbandoned(left);
        }
    }

    public void Dispose() => _lanes.Dispose();

    private void Remember(int id)
    {
        _seen.Add(id);
        _seenOrder.Enqueue(id);
        if (_seenOrder.Count > RememberedIds)
        {
            _seen.Remove(_seenOrder.Dequeue());
        }
    }

    private async Task HandleAsync(QueuedUpdate queued, CancellationToken cancellationToken)
    {
        // Everything logged while handling (routing, answering, sending the reply) names the chat.
        using var scope = _logger.BeginChatScope(TelegramMapping.Platform, queued.Chat);
        await _handler.HandleAsync(queued.Update, cancellationToken);
    }

    private void LogHandlerFailed(QueuedUpdate queued, Exception exception) => LogHandlerFailed(exception, queued.Update.Id, queued.Chat);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling Telegram update {UpdateId} in chat {ChatKey} failed")]
    private partial void LogHandlerFailed(Exception exception, int updateId, string chatKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped with {Count} Telegram updates not yet handled")]
    private partial void LogAbandoned(int count);

    /// <summary>An update with its chat key, worked out once when it is queued.</summary>
    private sealed record QueuedUpdate(string Chat, Update Update);
}
