namespace LymphBot.Discord.Wire;

/// <summary>An action row (type 1) holding buttons (type 2).</summary>
internal sealed class MessageComponent
{
    public required int Type { get; init; }

    public int? Style { get; init; }

    public string? Label { get; init; }

    public string? CustomId { get; init; }

    public IReadOnlyList<MessageComponent>? Components { get; init; }
}
