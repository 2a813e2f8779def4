using System.Text;
using LymphBot.Core.Chat;
using LymphBot.Core.Sending;

namespace LymphBot.ConsoleChat;

/// <summary>Renders replies as plain text on the terminal; also receives reminders sent to <c>console:local</c>.</summary>
public sealed class ConsoleChatPlatform(ConsoleStreams streams) : IChatPlatform, IDisposable
{
    public const string PlatformName = "console";
    public const string LocalId = "local";

    // Sends wait for the terminal asynchronously: a stdout nobody reads (a full pipe) blocks the one writer, while a
    // lock here blocked every send's thread-pool thread behind it (up to Reminders:SendConcurrency of them), which
    // starved the pool until even SIGTERM's handler waited seconds for a thread.
    private readonly SemaphoreSlim _writing = new(1, 1);
    private IReadOnlyList<ReplyButton> _lastButtons = [];

    /// <summary>Starts a reply that takes the place of the message whose button was typed.</summary>
    public const string UpdatedMark = "(updated) ";

    public static ChatAddress LocalChat { get; } = new(PlatformName, LocalId);

    public string Name => PlatformName;

    /// <summary>The buttons of the last reply, numbered from 1, so typing a number presses one.</summary>
    public IReadOnlyList<ReplyButton> LastButtons => Volatile.Read(ref _lastButtons);

    /// <summary>The terminal cannot post a line twice by mistake, and a write either happens or throws.</summary>
    public bool DeduplicatesRepeats => true;

    public async Task<SendReport> SendAsync(ChatAddress address, Reply reply, SendRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = Render(reply, out var buttons);
        await _writing.WaitAsync(cancellationToken);
        try
        {
            Volatile.Write(ref _lastButtons, buttons);
            await streams.Output.WriteLineAsync(text);
            await streams.Output.WriteLineAsync();
            await streams.Output.FlushAsync(CancellationToken.None);
        }
        finally
        {
            _writing.Release();
        }

        return SendReport.Done(1);
    }

    public void Dispose() => _writing.Dispose();

    /// <summary>
    /// The reply as terminal text, its buttons numbered from 1. A terminal cannot change what it printed, so a reply that
    /// replaces the pressed message is printed anew, marked as the update it is; its numbers replace the old ones.
    /// </summary>
    internal static string Render(Reply reply, out IReadOnlyList<ReplyButton> buttons)
    {
        var sb = new StringBuilder(reply.ReplacesPressedMessage ? UpdatedMark : string.Empty).Append(ReplyMarkup.ToPlainText(reply.Text));
        if (reply.Citation is { } citation)
        {
            sb.Append("\nSource: ").Append(citation);
        }

        var flat = reply.Buttons.SelectMany(row => row).ToList();
        for (var i = 0; i < flat.Count; i++)
        {
            sb.Append(i == 0 ? "\n" : string.Empty).Append("\n  [").Append(i + 1).Append("] ").Append(flat[i].Label);
        }

        buttons = flat;
        return sb.ToString();
    }
}
