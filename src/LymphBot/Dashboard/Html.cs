using System.Text.Encodings.Web;

namespace LymphBot.Dashboard;

/// <summary>HTML escaping for everything the pages show that they did not write themselves.</summary>
public static class Html
{
    public static string Encode(string? text) => text is null ? string.Empty : HtmlEncoder.Default.Encode(text);
}
