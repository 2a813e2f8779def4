namespace LymphBot.Core.Chat;

public enum MarkupStyle
{
    Plain,
    Bold,
    Code,

    /// <summary>An instant shown in each reader's own zone where the platform can (<see cref="MarkupSpan.Time"/>).</summary>
    Time,
}
