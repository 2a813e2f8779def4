using System.Text;

namespace LymphBot.Core.Knowledge;

public static class QuestionText
{
    /// <summary>Lower case, letters and digits only, single spaces: the form questions are compared and counted in.</summary>
    public static string Normalize(string text, int maxLength = 200)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(Math.Min(text.Length, maxLength));
        var space = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                space = false;
                sb.Append(char.ToLowerInvariant(c));
                if (sb.Length >= maxLength)
                {
                    break;
                }
            }
            else if (c != '\'' && c != '’')
            {
                // Apostrophes join ("what's" -> "whats"); everything else separates words.
                space = true;
            }
        }

        return sb.ToString();
    }
}
