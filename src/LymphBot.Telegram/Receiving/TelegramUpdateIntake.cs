using LymphBot.Core.Telemetry;
using LymphBot.Telegram.Mapping;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace LymphBot.Telegram.Receiving;

/// <summary>
/// The one door updates come in through, from long polling and the webhook alike. An update that cannot be mapped is
/// logged with its id, counted (<c>lymphbot.updates.skipped</c>) and skipped: one bad update never stops intake for
/// the updates after it.
/// </summary>
public sealed partial class TelegramUpdateIntake(
    TelegramUpdateDispatcher dispatcher,
    LymphBotMetrics metrics,
    ILogger<TelegramUpdateIntake> logger)
{
    public TelegramIntakeResult Accept(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        try
        {
            return dispatcher.TryEnqueue(update) ? TelegramIntakeResult.Queued : TelegramIntakeResult.Full;
        }
        catch (Exception ex)
        {
            // Whatever the update holds, the next one must still be read: confirm this one and say so.
            LogUnmappable(ex, update.Id, ex.GetType().Name);
            metrics.RecordUpdateSkipped(TelegramMapping.Platform, "unmappable");
            return TelegramIntakeResult.Skipped;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Skipped Telegram update {UpdateId}: mapping it failed ({Error})")]
    private partial void LogUnmappable(Exception exception, int updateId, string error);
}
