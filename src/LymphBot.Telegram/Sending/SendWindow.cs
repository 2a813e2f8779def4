namespace LymphBot.Telegram.Sending;

/// <summary>At most <c>limit</c> sends in any window of <c>window</c>, judged on the times sends actually went out.</summary>
internal sealed class SendWindow(int limit, TimeSpan window)
{
    private readonly Queue<DateTimeOffset> _sent = new();

    public DateTimeOffset NextAllowed(DateTimeOffset now)
    {
        while (_sent.Count > 0 && _sent.Peek() <= now - window)
        {
            _sent.Dequeue();
        }

        return _sent.Count < limit ? now : _sent.Peek() + window;
    }

    public void Record(DateTimeOffset at)
    {
        _sent.Enqueue(at);
        if (_sent.Count > limit)
        {
            _sent.Dequeue();
        }
    }

    public DateTimeOffset? LastSent => _sent.Count == 0 ? null : _sent.Last();
}
