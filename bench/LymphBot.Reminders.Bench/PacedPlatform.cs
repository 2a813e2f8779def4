using LymphBot.Core.Chat;
using LymphBot.Core.Sending;

namespace LymphBot.Reminders.Bench;

/// <summary>
/// Holds an inner platform to <c>limit</c> sends in any one-second window with Core's <see cref="SendPace"/>, the pacer
/// the adapters use: each send holds its place from its start until a second after it returned.
/// </summary>
internal sealed class PacedPlatform(IChatPlatform inner, int limit) : IChatPlatform, IDisposable
{
    private readonly SendPace _pace = new(TimeProvider.System);
    private readonly SendWindow[] _windows = [new SendWindow(limit, TimeSpan.FromSeconds(1))];

    public string Name => inner.Name;

    public bool DeduplicatesRepeats => inner.DeduplicatesRepeats;

    public async Task<SendReport> SendAsync(ChatAddress address, Reply reply, SendRequest request, CancellationToken cancellationToken)
    {
        using var turn = await _pace.WaitTurnAsync(_windows, cancellationToken);
        return await inner.SendAsync(address, reply, request, cancellationToken);
    }

    public void Dispose() => _pace.Dispose();
}
