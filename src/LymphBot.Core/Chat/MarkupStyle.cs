namespace LymphBot.Core.Chat;

public enum MarkupStyle
{
    Plain,
    Bold,
    Code,
}
