using LymphBot.Core.Chat;
using LymphBot.Core.Commands;

namespace LymphBot.Discord.Tests.TestSupport;

/// <summary>
/// <c>/remind</c> that blocks its thread until released, never yielding: what a handler does when SQLite holds a write
/// lock (Microsoft.Data.Sqlite's async calls run synchronously).
/// </summary>
public sealed class BlockingCommand : IChatCommand, IDisposable
{
    private readonly ManualResetEventSlim _gate = new();

    public CommandSpec Spec { get; } = new("remind", "Blocks until released")
    {
        Parameters = [new CommandParameter("time", ParameterKind.Text, "Anything") { Required = false }],
    };

    public void Release() => _gate.Set();

    public Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        _gate.Wait(TimeSpan.FromSeconds(30), cancellationToken);
        return Task.FromResult(new Reply("Done after the lock"));
    }

    public void Dispose() => _gate.Dispose();
}
