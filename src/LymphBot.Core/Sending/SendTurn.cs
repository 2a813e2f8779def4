namespace LymphBot.Core.Sending;

/// <summary>A send's place in its windows, from <see cref="SendPace.WaitTurnAsync"/> until disposed when the request is answered (or fails).</summary>
public sealed class SendTurn : IDisposable
{
    private readonly SendPace _pace;
    private readonly IReadOnlyList<SendWindow> _windows;
    private int _ended;

    internal SendTurn(SendPace pace, IReadOnlyList<SendWindow> windows)
    {
        _pace = pace;
        _windows = windows;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            _pace.End(_windows);
        }
    }
}
