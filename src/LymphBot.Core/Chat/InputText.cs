using System.Text;

namespace LymphBot.Core.Chat;

/// <summary>Cleans what users type before anything else looks at it.</summary>
public static class InputText
{
    /// <summary>Longest question the bot reads; longer messages get a friendly request to shorten them.</summary>
    public const int MaxLength = 1000;

    /// <summary>
    /// Removes control and format characters (keeping line breaks and tabs as spaces), collapses runs of
    /// whitespace and trims. Zero-width and bidi characters cannot be used to hide text from the bot.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsWhiteSpace(rune) || category is System.Globalization.UnicodeCategory.Control)
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            // EnumerateRunes turns lone surrogates into U+FFFD; they carry nothing a reader could use.
            if (rune == Rune.ReplacementChar || category is System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.Surrogate
                or System.Globalization.UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(rune.ToString());
        }

        return sb.ToString();
    }

    /// <summary>
    /// Reads numbers as people type them: full-width forms (<c>８:００</c>) become ASCII, and digits of every script
    /// (Arabic-Indic <c>٨</c>, Persian <c>۸</c>, Devanagari <c>८</c>…) become <c>0</c>–<c>9</c>. For times, ids and counts;
    /// not for text that is stored or shown.
    /// </summary>
    public static string FoldDigits(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            sb.Append(char.IsDigit(c) ? (char)('0' + System.Globalization.CharUnicodeInfo.GetDecimalDigitValue(c)) : c);
        }

        return sb.ToString();
    }

    /// <summary>A whole number as people type it (<see cref="FoldDigits"/>), with an optional leading <c>#</c> for ids.</summary>
    public static bool TryReadNumber(string text, out long number)
    {
        ArgumentNullException.ThrowIfNull(text);
        return long.TryParse(FoldDigits(text).Trim().TrimStart('#'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number);
    }
}
