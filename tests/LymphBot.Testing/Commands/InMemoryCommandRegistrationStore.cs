using System.Collections.Concurrent;
using LymphBot.Core.Commands;

namespace LymphBot.Testing.Commands;

/// <summary>Registration hashes in memory; <see cref="Saved"/> shows what a test's adapter recorded.</summary>
public sealed class InMemoryCommandRegistrationStore : ICommandRegistrationStore
{
    private readonly ConcurrentDictionary<(string Platform, string Scope), string> _hashes = new();

    public IReadOnlyDictionary<(string Platform, string Scope), string> Saved => _hashes;

    public Task<string?> FindHashAsync(string platform, string scope, CancellationToken cancellationToken) =>
        Task.FromResult(_hashes.TryGetValue((platform, scope), out var hash) ? hash : null);

    public Task SaveHashAsync(string platform, string scope, string hash, DateTimeOffset registeredAt, CancellationToken cancellationToken)
    {
        _hashes[(platform, scope)] = hash;
        return Task.CompletedTask;
    }
}
