namespace LymphBot.Discord.Rest;

/// <summary>The JSON <c>code</c> values we act on; always branch on these, not on the HTTP status.</summary>
internal static class DiscordErrorCodes
{
    public const int UnknownChannel = 10003;
    public const int UnknownWebhook = 10015;
    public const int UnknownInteraction = 10062;
    public const int InteractionAlreadyAcknowledged = 40060;
    public const int MissingAccess = 50001;
    public const int CannotSendToUser = 50007;
    public const int MissingPermissions = 50013;
    public const int NoMutualGuilds = 50278;
}
