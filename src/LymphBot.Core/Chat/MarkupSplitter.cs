namespace LymphBot.Core.Chat;

/// <summary>
/// The one splitter for replies longer than a platform's message limit. It cuts Core's marked-up spans, not rendered
/// text, so no tag or markdown mark is ever cut in half: at paragraphs first, then lines, then words, and only an
/// unbroken word longer than a message is cut inside (never between the halves of a surrogate pair). Each platform
/// says how long a piece is once rendered (Telegram counts visible characters, Discord its escaped markdown), and
/// renders each piece on its own. Whitespace at the cuts is dropped; pieces with nothing to show are left out.
/// </summary>
public static class MarkupSplitter
{
    private static readonly string[] Separators = ["\n\n", "\n", " "];

    /// <summary>Pieces of <paramref name="spans"/> whose <paramref name="measure"/> is at most <paramref name="limit"/>, in order.</summary>
    public static IReadOnlyList<IReadOnlyList<MarkupSpan>> Split(IReadOnlyList<MarkupSpan> spans, int limit, Func<IReadOnlyList<MarkupSpan>, int> measure)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 2);
        var pieces = new List<IReadOnlyList<MarkupSpan>>();
        Pack(spans, 0, limit, measure, pieces);
        return pieces;
    }

    /// <summary>The text of <paramref name="spans"/> without markup: what a member sees.</summary>
    public static int VisibleLength(IReadOnlyList<MarkupSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var length = 0;
        foreach (var span in spans)
        {
            length += span.Text.Length;
        }

        return length;
    }

    private static void Pack(IReadOnlyList<MarkupSpan> spans, int level, int limit, Func<IReadOnlyList<MarkupSpan>, int> measure, List<IReadOnlyList<MarkupSpan>> pieces)
    {
        var trimmed = Trim(spans);
        if (trimmed.Count == 0)
        {
            return;
        }

        if (measure(trimmed) <= limit)
        {
            pieces.Add(trimmed);
            return;
        }

        if (level == Separators.Length)
        {
            CutWords(trimmed, limit, measure, pieces);
            return;
        }

        var separator = new MarkupSpan(Separators[level], MarkupStyle.Plain);
        var current = new List<MarkupSpan>();
        foreach (var part in SplitAt(trimmed, Separators[level]))
        {
            var piece = Trim(part);
            if (piece.Count == 0)
            {
                continue;
            }

            if (current.Count > 0)
            {
                List<MarkupSpan> joined = [.. current, separator, .. piece];
                if (measure(joined) <= limit)
                {
                    current = joined;
                    continue;
                }

                pieces.Add(current);
                current = [];
            }

            if (measure(piece) <= limit)
            {
                current = [.. piece];
            }
            else
            {
                Pack(piece, level + 1, limit, measure, pieces);
            }
        }

        if (current.Count > 0)
        {
            pieces.Add(current);
        }
    }

    private static List<List<MarkupSpan>> SplitAt(IReadOnlyList<MarkupSpan> spans, string separator)
    {
        var parts = new List<List<MarkupSpan>> { new() };
        foreach (var span in spans)
        {
            // A time is one item however many words its fallback has: cut, each half would show the whole instant.
            var texts = span.Style == MarkupStyle.Time ? [span.Text] : span.Text.Split(separator);
            for (var i = 0; i < texts.Length; i++)
            {
                if (i > 0)
                {
                    parts.Add([]);
                }

                if (texts[i].Length > 0)
                {
                    parts[^1].Add(span with { Text = texts[i] });
                }
            }
        }

        return parts;
    }

    /// <summary>A word longer than a message: the longest runs that fit, span by span.</summary>
    private static void CutWords(IReadOnlyList<MarkupSpan> spans, int limit, Func<IReadOnlyList<MarkupSpan>, int> measure, List<IReadOnlyList<MarkupSpan>> pieces)
    {
        foreach (var span in spans)
        {
            var start = 0;
            while (start < span.Text.Length)
            {
                var end = LongestFit(span, start, limit, measure);
                pieces.Add([span with { Text = span.Text[start..end] }]);
                start = end;
            }
        }
    }

    private static int LongestFit(MarkupSpan span, int start, int limit, Func<IReadOnlyList<MarkupSpan>, int> measure)
    {
        // Rendering only grows a text, so the fit is found by halving between one character and the limit.
        int low = start + 1, high = Math.Min(span.Text.Length, start + limit);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (measure([span with { Text = span.Text[start..middle] }]) <= limit)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low < span.Text.Length && low - start > 1 && char.IsHighSurrogate(span.Text[low - 1]) ? low - 1 : low;
    }

    private static List<MarkupSpan> Trim(IReadOnlyList<MarkupSpan> spans)
    {
        var list = spans.Where(s => s.Text.Length > 0).ToList();
        while (list.Count > 0 && list[0].Text.TrimStart() is var head && head.Length < list[0].Text.Length)
        {
            if (head.Length == 0)
            {
                list.RemoveAt(0);
            }
            else
            {
                list[0] = list[0] with { Text = head };
                break;
            }
        }

        while (list.Count > 0 && list[^1].Text.TrimEnd() is var tail && tail.Length < list[^1].Text.Length)
        {
            if (tail.Length == 0)
            {
                list.RemoveAt(list.Count - 1);
            }
            else
            {
                list[^1] = list[^1] with { Text = tail };
                break;
            }
        }

        return list;
    }
}
