using System.Text.Json;
using LymphBot.Core.Commands;
using LymphBot.Core.Sending;
using LymphBot.Core.Telemetry;
using LymphBot.Telegram.Mapping;
using LymphBot.Telegram.Sending;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace LymphBot.Telegram.Receiving;

/// <summary>
/// Starts the bot (getMe, the command menus, webhook registered or removed to match the mode) and, in polling mode,
/// runs our own getUpdates loop. The loop confirms an update to Telegram only once it is queued, never loses one to a
/// failed handler (the queue logs and moves on), and on stop drains the queue and confirms the last offset, so a
/// restart neither replays nor skips. Network faults, 5xx and a restarting server only delay it, with backoff. An
/// update that cannot be mapped is skipped by <see cref="TelegramUpdateIntake"/>; should the loop itself ever fail, it
/// is logged, <see cref="TelegramStatus"/> reports it (so <c>/readyz</c> does) and the loop starts again.
/// </summary>
public sealed partial class TelegramReceiver(
    TelegramBotClients clients,
    TelegramUpdateDispatcher dispatcher,
    TelegramUpdateIntake intake,
    TelegramSendPacer pacer,
    LymphBotMetrics metrics,
    TelegramStatus status,
    TelegramBotIdentity identity,
    CommandRouter router,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramReceiver> logger) : IHostedService, IDisposable
{
    internal static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    private const int MaxUpdatesPerPoll = 100;

    /// <summary>The longest wait between tries of a failing start-up call or poll.</summary>
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    private readonly CancellationTokenSource _stopping = new();
    private readonly HashSet<string> _reportedWithoutId = [];
    private Task _run = Task.CompletedTask;
    private int _offset;
    private IDisposable[] _queueDepths = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _queueDepths =
        [
            metrics.TrackQueue(TelegramMapping.Platform, "updates", () => dispatcher.Pending),
            metrics.TrackQueue(TelegramMapping.Platform, "sends", () => pacer.SendsInProgress),
        ];
        _run = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await _run.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Either the loop ended by our cancellation, or the host ran out of patience.
        }
        catch (Exception ex)
        {
            // RunAsync handles its own failures; should one still get here, stopping goes on all the same.
            LogRunFailed(ex, ex.GetType().Name);
        }

        await dispatcher.DrainAsync(cancellationToken);
        if (options.Value.ParsedMode == TelegramMode.Polling && _offset > 0)
        {
            await ConfirmOffsetAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        foreach (var depth in _queueDepths)
        {
            depth.Dispose();
        }

        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RetryUntilDoneAsync("getMe", IntroduceAsync, stoppingToken);
            await PublishCommandsAsync(stoppingToken);
            if (options.Value.ParsedMode == TelegramMode.Webhook)
            {
                await RetryUntilDoneAsync("setWebhook", RegisterWebhookAsync, stoppingToken);
                status.Connected(TelegramMode.Webhook);
                return;
            }

            await RetryUntilDoneAsync("deleteWebhook", ct => clients.Create().DeleteWebhook(cancellationToken: ct), stoppingToken);

            // Ready now rather than after the first long poll, which may take PollTimeout to return an empty batch.
            status.Connected(TelegramMode.Polling);
            await SupervisePollingAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Nothing in the adapter can bring Telegram back now: say so where operators look.
            LogRunFailed(ex, ex.GetType().Name);
            status.Stopped(ex.GetType().Name);
        }
    }

    // PollAsync handles every failure it knows of; anything else (a defect) must not end intake silently.
    private async Task SupervisePollingAsync(CancellationToken stoppingToken)
    {
        for (var crashes = 1; ; crashes++)
        {
            try
            {
                await PollAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                var delay = Backoff.Exponential(options.Value.RetryDelay, crashes, MaxBackoff);
                LogPollingCrashed(ex, ex.GetType().Name, delay.TotalSeconds);
                status.Failing("polling", $"stopped by {ex.GetType().Name}, restarting", crashes);
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }

    private async Task IntroduceAsync(CancellationToken cancellationToken)
    {
        var me = await clients.Create().GetMe(cancellationToken);
        identity.Set(new TelegramBotUser(me.Id, me.Username ?? string.Empty));
        LogStarted(me.Username ?? me.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), options.Value.ParsedMode);
    }

    private async Task PublishCommandsAsync(CancellationToken cancellationToken)
    {
        var everyone = TelegramMapping.ToBotCommands(router.Commands.Select(c => c.Spec), includeModeratorCommands: false);
        var all = TelegramMapping.ToBotCommands(router.Commands.Select(c => c.Spec), includeModeratorCommands: true);
        (IReadOnlyList<BotCommand> Commands, BotCommandScope Scope)[] menus =
        [
            (everyone, BotCommandScope.AllPrivateChats()),
            (everyone, BotCommandScope.AllGroupChats()),
            (all, BotCommandScope.AllChatAdministrators()),
        ];
        foreach (var (commands, scope) in menus)
        {
            try
            {
                await WithTimeoutAsync(ct => clients.Create().SetMyCommands(commands, scope, cancellationToken: ct), cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The menu is a convenience; commands work without it.
                LogCommandsFailed(scope.Type.ToString(), ex.Message);
            }
        }
    }

    private Task RegisterWebhookAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        return clients.Create().SetWebhook(
            settings.WebhookUrl!,
            allowedUpdates: AllowedUpdates,
            secretToken: settings.WebhookSecret,
            cancellationToken: cancellationToken);
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var pollSeconds = (int)settings.PollTimeout.TotalSeconds;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            await dispatcher.WaitForRoomAsync(stoppingToken);
            var started = time.GetTimestamp();
            JsonElement[] updates;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(settings.PollTimeout + settings.RequestTimeout);
                updates = await clients.Create().SendRequest(
                    new TelegramRawUpdatesRequest(
                        _offset == 0 ? null : _offset,
                        Math.Clamp(dispatcher.Room, 1, MaxUpdatesPerPoll),
                        pollSeconds,
                        AllowedUpdates),
                    timeout.Token);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                status.Failing("getUpdates", ex.Message, failures);
                var delay = Backoff.Exponential(settings.RetryDelay, failures, MaxBackoff);
                LogPollFailed(ex.GetType().Name, ex.Message, delay.TotalSeconds);
                await Task.Delay(delay, time, stoppingToken);
                continue;
            }

            if (failures > 0)
            {
                LogPollRecovered(failures);
                failures = 0;
            }

            // Also after the loop was restarted, whose failure the status still shows.
            status.Connected(TelegramMode.Polling);
            if (!Take(updates))
            {
                await SpaceOutEmptyPollAsync(started, stoppingToken);
            }
        }
    }

    // A server that answers at once, ignoring the long-poll timeout, would otherwise be asked again and again at once.
    private async Task SpaceOutEmptyPollAsync(long started, CancellationToken stoppingToken)
    {
        var left = options.Value.MinPollInterval - time.GetElapsedTime(started);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left, time, stoppingToken);
        }
    }

    // Each update is read on its own, so one the client cannot parse is skipped (and confirmed) alone. False when the
    // poll brought nothing to confirm: an empty batch, or only updates without an id.
    private bool Take(JsonElement[] updates)
    {
        var reads = updates.Select(raw => (Raw: raw, Read: TelegramUpdateJson.Read(raw))).ToList();
        ReportWithoutId([.. reads.Where(r => r.Read.Id is null)]);
        var taken = 0;
        var ready = reads.Where(r => r.Read.Id >= _offset).OrderBy(r => r.Read.Id).ToList();
        foreach (var (raw, read) in ready)
        {
            // The limit asked for no more than there is room for, but a server may send more: what does not fit is
            // not confirmed, so getUpdates returns it again once there is room. Nothing is dropped.
            if (intake.Accept(read, raw) == TelegramIntakeResult.Full)
            {
                LogMoreThanAsked(ready.Count, taken);
                return true;
            }

            taken++;
            _offset = read.Id!.Value + 1;
        }

        return ready.Count > 0;
    }

    // Without an id an update cannot be confirmed by itself: the next confirmed update beyond it removes it, and until
    // then getUpdates returns it each time. Each is reported once while it keeps coming back.
    private void ReportWithoutId(List<(JsonElement Raw, TelegramUpdateRead Read)> withoutId)
    {
        var current = new HashSet<string>();
        foreach (var (raw, read) in withoutId)
        {
            var text = raw.GetRawText();
            current.Add(text);
            if (_reportedWithoutId.Add(text))
            {
                intake.Accept(read, raw);
            }
        }

        _reportedWithoutId.IntersectWith(current);
    }

    // getUpdates with an offset confirms every update below it; limit 1 and timeout 0 return at once. The one update it
    // returns is left unread, so one the client could not parse does not turn a done confirmation into a failure.
    private async Task ConfirmOffsetAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WithTimeoutAsync(ct => clients.Create().SendRequest(new TelegramRawUpdatesRequest(_offset, 1, 0, AllowedUpdates), ct), cancellationToken);
        }
        catch (Exception ex)
        {
            // Also when the host's shutdown patience ran out: stopping goes on, and the updates come again next start.
            LogConfirmFailed(ex.Message);
        }
    }

    private async Task RetryUntilDoneAsync(string call, Func<CancellationToken, Task> action, CancellationToken stoppingToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                await WithTimeoutAsync(action, stoppingToken);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                status.Failing(call, ex.Message, failures);
                var delay = Backoff.Exponential(options.Value.RetryDelay, failures, MaxBackoff);
                LogStartCallFailed(call, ex.Message, delay.TotalSeconds);
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }

    private async Task WithTimeoutAsync(Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RequestTimeout);
        await action(timeout.Token);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram bot @{Username} started ({Mode})")]
    private partial void LogStarted(string username, TelegramMode mode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Setting the Telegram command menu for {Scope} failed: {Description}")]
    private partial void LogCommandsFailed(string scope, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram {Call} failed ({Description}); retrying in {Seconds} s")]
    private partial void LogStartCallFailed(string call, string description, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling Telegram failed ({Kind}: {Description}); retrying in {Seconds} s")]
    private partial void LogPollFailed(string kind, string description, double seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "getUpdates returned {Count} updates, more than there was room for; {Taken} taken, the rest come again")]
    private partial void LogMoreThanAsked(int count, int taken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling Telegram works again after {Failures} failures")]
    private partial void LogPollRecovered(int failures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram polling stopped ({Error}); starting it again in {Seconds} s")]
    private partial void LogPollingCrashed(Exception exception, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The Telegram receiver stopped ({Error}); no more updates will be read until the bot restarts")]
    private partial void LogRunFailed(Exception exception, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Confirming the last Telegram updates at stop failed ({Description}); they will be handled again at the next start")]
    private partial void LogConfirmFailed(string description);
}
