namespace LymphBot.Core.Moderation;

/// <summary>Who moderates beyond the platforms' own admins. Section <c>Moderators</c>.</summary>
public sealed class ModeratorOptions
{
    public const string Section = "Moderators";

    /// <summary>Moderators anywhere, as <c>platform:userId</c>, e.g. <c>telegram:123</c>, <c>discord:456</c>, <c>console:local</c>. Default: none.</summary>
    public IList<string> Users { get; } = [];

    /// <summary>Discord role ids whose members moderate. Default: none.</summary>
    public IList<string> DiscordRoleIds { get; } = [];
}
