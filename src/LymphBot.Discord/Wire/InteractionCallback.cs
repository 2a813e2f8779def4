namespace LymphBot.Discord.Wire;

internal sealed class InteractionCallback
{
    public required int Type { get; init; }

    public MessagePayload? Data { get; init; }
}
