namespace LymphBot.Discord.Wire;

internal sealed class CreatedMessage
{
    public string Id { get; set; } = string.Empty;
}
