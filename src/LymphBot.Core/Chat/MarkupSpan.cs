namespace LymphBot.Core.Chat;

public readonly record struct MarkupSpan(string Text, MarkupStyle Style);
