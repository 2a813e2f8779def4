namespace LymphBot.Discord.Wire;

internal sealed class IdentifyPayload
{
    public required string Token { get; init; }

    public required int Intents { get; init; }

    public required IdentifyProperties Properties { get; init; }

    public required int[] Shard { get; init; }
}
