namespace LymphBot.Discord.Wire;

internal sealed class IdentifyProperties
{
    public string Os { get; init; } = "linux";

    public string Browser { get; init; } = "lymphbot";

    public string Device { get; init; } = "lymphbot";
}
