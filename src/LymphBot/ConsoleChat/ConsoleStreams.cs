namespace LymphBot.ConsoleChat;

/// <summary>The terminal the console chat talks through; tests swap in in-memory streams.</summary>
public sealed class ConsoleStreams(TextReader input, TextWriter output, bool isInteractive)
{
    public TextReader Input { get; } = input;

    public TextWriter Output { get; } = output;

    /// <summary>A person is typing: show a prompt. Otherwise read to the end of input and exit.</summary>
    public bool IsInteractive { get; } = isInteractive;

    public static ConsoleStreams FromSystemConsole() =>
        new(Console.In, Console.Out, !Console.IsInputRedirected);
}
