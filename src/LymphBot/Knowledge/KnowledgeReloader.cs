using System.Threading.Channels;
using LymphBot.Core.Knowledge;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LymphBot.Knowledge;

/// <summary>
/// Watches the knowledge folder and reloads the base once changes have settled for <see cref="KnowledgeOptions.ReloadDelay"/>,
/// so edits take effect within seconds without a restart.
/// </summary>
public sealed class KnowledgeReloader(KnowledgeBase knowledge, IOptions<KnowledgeOptions> options, TimeProvider time) : BackgroundService
{
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Raised after every reload attempt, with whether it took effect (tests wait on it).</summary>
    public event Action<bool>? Reloaded;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var watcher = new FileSystemWatcher(knowledge.Folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
        };
        watcher.Changed += (_, _) => _changes.Writer.TryWrite(true);
        watcher.Created += (_, _) => _changes.Writer.TryWrite(true);
        watcher.Deleted += (_, _) => _changes.Writer.TryWrite(true);
        watcher.Renamed += (_, _) => _changes.Writer.TryWrite(true);
        watcher.EnableRaisingEvents = true;

        while (await _changes.Reader.WaitToReadAsync(stoppingToken))
        {
            // Debounce: keep waiting while writes keep coming, then reload once.
            do
            {
                _changes.Reader.TryRead(out _);
                await Task.Delay(options.Value.ReloadDelay, time, stoppingToken);
            }
            while (_changes.Reader.TryPeek(out _));

            Reloaded?.Invoke(knowledge.Reload());
        }
    }
}
