namespace LymphBot.Core.Commands;

/// <summary>Parses <c>/name@bot arguments</c>.</summary>
public readonly record struct CommandText(string Name, string? TargetBot, string Arguments)
{
    public const int MaxNameLength = 32;

    public static bool IsCommand(string text) => text.Length > 0 && text[0] == '/';

    public static CommandText Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var body = text.AsSpan(1);
        var end = body.IndexOfAny(' ', '\n', '\t');
        var head = end < 0 ? body : body[..end];
        var arguments = end < 0 ? string.Empty : body[(end + 1)..].Trim().ToString();
        var at = head.IndexOf('@');
        var name = (at < 0 ? head : head[..at]).ToString().ToLowerInvariant();
        var target = at < 0 ? null : head[(at + 1)..].ToString();
        return new CommandText(name, string.IsNullOrEmpty(target) ? null : target, arguments);
    }
}
