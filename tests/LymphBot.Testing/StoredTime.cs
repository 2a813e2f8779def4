namespace LymphBot.Testing;

/// <summary>The SQL stores keep instants as Unix milliseconds; the fakes round the same way, so a test cannot pass on finer times.</summary>
internal static class StoredTime
{
    public static DateTimeOffset Of(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());

    public static DateTimeOffset? Of(DateTimeOffset? at) => at is { } value ? Of(value) : null;

    /// <summary>A column's length limit, as the SQL store cuts text to it.</summary>
    public static string Cut(string text, int max) => text.Length > max ? text[..max] : text;
}
