namespace LymphBot.Tests.TestSupport;

/// <summary>The console adapter writes each reply with one <c>WriteLine(text)</c>; this keeps them apart.</summary>
public sealed class ReplyRecorder : StringWriter
{
    private readonly List<string> _replies = [];

    public IReadOnlyList<string> Replies
    {
        get
        {
            lock (_replies)
            {
                return [.. _replies];
            }
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_replies)
        {
            _replies.Add(value ?? string.Empty);
        }

        base.WriteLine(value);
    }
}
