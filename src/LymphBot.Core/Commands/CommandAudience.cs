namespace LymphBot.Core.Commands;

public enum CommandAudience
{
    Everyone,

    /// <summary>Moderators only: chat administrators, configured ids or roles (see <c>Moderators</c>).</summary>
    Moderators,
}
