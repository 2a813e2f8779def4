using LymphBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LymphBot.Dashboard;

/// <summary>
/// Takes the active-member snapshot (<see cref="SqlActiveMemberSnapshots"/>) at start and every hour, so each day the
/// bot runs has its figure. One timer tick an hour; the query is a single GROUP BY over the subscriptions.
/// </summary>
public sealed partial class ActiveMemberSnapshotService(SqlActiveMemberSnapshots snapshots, TimeProvider time, ILogger<ActiveMemberSnapshotService> logger) : IHostedService, IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private ITimer? _timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = time.CreateTimer(_ => _ = TakeAsync(), null, TimeSpan.Zero, Interval);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_timer is not null)
        {
            await _timer.DisposeAsync();
            _timer = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_timer is not null)
        {
            await _timer.DisposeAsync();
        }
    }

    private async Task TakeAsync()
    {
        try
        {
            await snapshots.RecordAsync(time.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The next hour tries again; a missing hour only matters if it was the day's only one.
            LogFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record today's count of members with active reminders; trying again in an hour")]
    private partial void LogFailed(Exception exception);
}
