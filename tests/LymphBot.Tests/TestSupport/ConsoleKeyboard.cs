using System.Threading.Channels;

namespace LymphBot.Tests.TestSupport;

/// <summary>
/// Console input that stays open, like a person at a terminal: each <see cref="Type"/> is one line the console chat
/// reads; <see cref="Dispose"/> ends the input. (<see cref="ConsoleSession"/> pipes all lines at once, and the host
/// stops when they run out.)
/// </summary>
public sealed class ConsoleKeyboard : TextReader
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

    public void Type(string line) => _lines.Writer.TryWrite(line);

    // The console chat reads on a pool thread of its own, so blocking here holds up nothing else.
    public override string? ReadLine() =>
        _lines.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult() && _lines.Reader.TryRead(out var line) ? line : null;

    protected override void Dispose(bool disposing)
    {
        _lines.Writer.TryComplete();
        base.Dispose(disposing);
    }
}
