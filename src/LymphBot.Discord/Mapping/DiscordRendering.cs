using LymphBot.Core.Chat;
using LymphBot.Discord.Wire;

namespace LymphBot.Discord.Mapping;

/// <summary>Turns a Core <see cref="Reply"/> into Discord message bodies: split text, citation line, buttons on the last one.</summary>
internal static class DiscordRendering
{
    public const int EphemeralFlag = 64;
    public const int MaxRows = 5;
    public const int MaxButtonsPerRow = 5;
    public const int MaxLabelLength = 80;
    public const int MaxCustomIdLength = 100;

    public static IReadOnlyList<MessagePayload> ToMessages(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var chunks = DiscordMarkdown.RenderChunks(reply.Text).Where(c => c.Length > 0).ToList();
        if (reply.Citation is { Length: > 0 } citation)
        {
            var line = "-# Source: " + DiscordMarkdown.Escape(citation);
            if (line.Length > DiscordMarkdown.MaxMessageLength)
            {
                line = line[..(DiscordMarkdown.MaxMessageLength - 1)] + "…";
            }

            if (chunks.Count > 0 && chunks[^1].Length + 1 + line.Length <= DiscordMarkdown.MaxMessageLength)
            {
                chunks[^1] += "\n" + line;
            }
            else
            {
                chunks.Add(line);
            }
        }

        var components = ToComponents(reply.Buttons);
        if (chunks.Count == 0)
        {
            return components is null ? [] : [new MessagePayload { Components = components }];
        }

        var messages = new List<MessagePayload>(chunks.Count);
        for (var i = 0; i < chunks.Count; i++)
        {
            messages.Add(new MessagePayload
            {
                Content = chunks[i],
                Components = i == chunks.Count - 1 ? components : null,
                Flags = reply.Private ? EphemeralFlag : null,
            });
        }

        return messages;
    }

    /// <summary>
    /// Buttons in rows of action rows, within Discord's limits. A button whose custom_id is already on the message is
    /// left out: Discord refuses the whole message when two components share one, and the first does the same.
    /// </summary>
    public static IReadOnlyList<MessageComponent>? ToComponents(IReadOnlyList<IReadOnlyList<ReplyButton>> rows)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<MessageComponent>();
        foreach (var row in rows)
        {
            if (result.Count == MaxRows)
            {
                break;
            }

            var buttons = row
                .Select(b => (Label: b.Label.Length > MaxLabelLength ? b.Label[..(MaxLabelLength - 1)] + "…" : b.Label, CustomId: b.Data.Length > MaxCustomIdLength ? b.Data[..MaxCustomIdLength] : b.Data))
                .Where(b => seen.Add(b.CustomId))
                .Take(MaxButtonsPerRow)
                .Select(b => new MessageComponent { Type = 2, Style = 2, Label = b.Label, CustomId = b.CustomId })
                .ToList();
            if (buttons.Count > 0)
            {
                result.Add(new MessageComponent { Type = 1, Components = buttons });
            }
        }

        return result.Count == 0 ? null : result;
    }
}
