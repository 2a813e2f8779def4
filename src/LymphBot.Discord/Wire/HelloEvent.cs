namespace LymphBot.Discord.Wire;

internal sealed class HelloEvent
{
    public int HeartbeatInterval { get; set; }
}
