namespace LymphBot.Discord.Wire;

internal sealed class ResumePayload
{
    public required string Token { get; init; }

    public required string SessionId { get; init; }

    public required int Seq { get; init; }
}
