namespace LymphBot.Discord.Wire;

/// <remarks>In MESSAGE_CREATE the member has roles but no user and no permissions; in interactions it has both.</remarks>
internal sealed class DiscordMember
{
    public DiscordUser? User { get; set; }

    public List<string>? Roles { get; set; }

    public string? Permissions { get; set; }
}
