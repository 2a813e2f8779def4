namespace LymphBot.Discord.Wire;

/// <summary>The part of a replied-to message we read: who wrote it.</summary>
internal sealed class DiscordMessageAuthorOnly
{
    public DiscordUser? Author { get; set; }
}
