namespace LymphBot.Discord.Wire;

internal sealed class ReadyApplication
{
    public string Id { get; set; } = string.Empty;
}
