using LymphBot.Core.Knowledge;
using Microsoft.Extensions.Hosting;

namespace LymphBot.Knowledge;

/// <summary>At start, after storage is migrated, makes the phrasings moderators approved part of the knowledge base.</summary>
public sealed class ApprovedPhrasingsLoader(KbSuggestions suggestions) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => suggestions.LoadApprovedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
