using System.Globalization;
using System.Text.Json;
using LymphBot.Core.Telemetry;
using LymphBot.Telegram.Mapping;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace LymphBot.Telegram.Receiving;

/// <summary>
/// The one door updates come in through, from long polling and the webhook alike. An update that cannot be read or
/// mapped is logged with its id (and, unreadable, its JSON without what members wrote), counted
/// (<c>lymphbot.updates.skipped</c>) and skipped: one bad update never stops intake for the updates after it.
/// </summary>
public sealed partial class TelegramUpdateIntake(
    TelegramUpdateDispatcher dispatcher,
    LymphBotMetrics metrics,
    ILogger<TelegramUpdateIntake> logger)
{
    /// <summary>How much of an unreadable update's (redacted) JSON goes into the log line.</summary>
    public const int LoggedJsonLength = 1000;

    /// <summary>Queues <paramref name="read"/>'s update, or skips it when it could not be read.</summary>
    public TelegramIntakeResult Accept(TelegramUpdateRead read, JsonElement raw)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.Update is { } update)
        {
            return Accept(update);
        }

        LogMalformed(
            read.Id?.ToString(CultureInfo.InvariantCulture) ?? "(no id)",
            read.Problem ?? "unreadable",
            TelegramUpdateJson.Describe(raw, LoggedJsonLength));
        metrics.RecordUpdateSkipped(TelegramMapping.Platform, "malformed");
        return TelegramIntakeResult.Skipped;
    }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped Telegram update {UpdateId}: it cannot be read ({Problem}): {Json}")]
    private partial void LogMalformed(string updateId, string problem, string json);

    [LoggerMessage(Level = LogLevel.Error, Message = "Skipped Telegram update {UpdateId}: mapping it failed ({Error})")]
    private partial void LogUnmappable(Exception exception, int updateId, string error);
}
