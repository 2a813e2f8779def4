namespace LymphBot.Discord.Wire;

internal sealed class MessageReference
{
    public required string MessageId { get; init; }

    public bool FailIfNotExists { get; init; }
}
