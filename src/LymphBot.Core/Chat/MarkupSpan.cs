namespace LymphBot.Core.Chat;

public readonly record struct MarkupSpan(string Text, MarkupStyle Style)
{
    /// <summary>For <see cref="MarkupStyle.Time"/> only: the instant; <see cref="Text"/> is then the zone-explicit fallback.</summary>
    public ReaderTime? Time { get; init; }
}
