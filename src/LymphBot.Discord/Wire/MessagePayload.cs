namespace LymphBot.Discord.Wire;

/// <summary>Body of create message, of interaction callback data, of follow-ups and of edit-original.</summary>
internal sealed record MessagePayload
{
    public string? Content { get; init; }

    /// <summary>Empty by default, so nothing we send can ping; left out only for a bare deferral.</summary>
    public AllowedMentions? AllowedMentions { get; init; } = AllowedMentions.None;

    public IReadOnlyList<MessageComponent>? Components { get; init; }

    public MessageReference? MessageReference { get; init; }

    public string? Nonce { get; init; }

    public bool? EnforceNonce { get; init; }

    public int? Flags { get; init; }
}
