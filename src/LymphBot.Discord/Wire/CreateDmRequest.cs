namespace LymphBot.Discord.Wire;

internal sealed class CreateDmRequest
{
    public required string RecipientId { get; init; }
}
