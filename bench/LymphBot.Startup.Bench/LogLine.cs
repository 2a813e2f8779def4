using System.Globalization;
using System.Text.Json;

namespace LymphBot.Startup.Bench;

/// <summary>One line the host logged; <see cref="At"/> is its own timestamp, from process start.</summary>
internal sealed record LogLine(TimeSpan At, string Level, string Category, string Message)
{
    public static LogLine Parse(string text, DateTimeOffset processStart)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            var at = DateTimeOffset.Parse(root.GetProperty("Timestamp").GetString()!, CultureInfo.InvariantCulture) - processStart;
            return new LogLine(at, root.GetProperty("LogLevel").GetString()!, root.GetProperty(nameof(Category)).GetString()!, root.GetProperty(nameof(Message)).GetString()!);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            return new LogLine(TimeSpan.Zero, "raw", string.Empty, text);
        }
    }
}
