using System.Text;
using LymphBot.Core.Chat;
using LymphBot.Core.Sending;

namespace LymphBot.ConsoleChat;

/// <summary>Renders replies as plain text on the terminal; also receives reminders sent to <c>console:local</c>.</summary>
public sealed class ConsoleChatPlatform(ConsoleStreams streams) : IChatPlatform
{
    public const string PlatformName = "console";
    public const string LocalId = "local";

    private readonly Lock _gate = new();
    private IReadOnlyList<ReplyButton> _lastButtons = [];

    /// <summary>Starts a reply that takes the place of the message whose button was typed.</summary>
    public const string UpdatedMark = "(updated) ";

    public static ChatAddress LocalChat { get; } = new(PlatformName, LocalId);

    public string Name => PlatformName;

    /// <summary>The buttons of the last reply, numbered from 1, so typing a number presses one.</summary>
    public IReadOnlyList<ReplyButton> LastButtons
    {
        get
        {
            lock (_gate)
            {
                return _lastButtons;
            }
        }
    }

    /// <summary>The terminal cannot post a line twice by mistake, and a write either happens or throws.</summary>
    public bool DeduplicatesRepeats => true;

    public Task<SendReport> SendAsync(ChatAddress address, Reply reply, SendRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = Render(reply, out var buttons);
        lock (_gate)
        {
            _lastButtons = buttons;
            streams.Output.WriteLine(text);
            streams.Output.WriteLine();
            streams.Output.Flush();
        }

        return Task.FromResult(SendReport.Done(1));
    }

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
