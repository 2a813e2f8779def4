namespace LymphBot.Discord.Rest;

/// <summary>
/// One REST call: the concrete path, the template that is safe to log (no tokens), and the top-level resource id
/// that Discord's per-route buckets are keyed by.
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Path, string Template, string MajorId, bool ExemptFromGlobalLimit = false)
{
    /// <summary>Method and template: what Discord maps to a bucket hash.</summary>
    public string Key => Method.Method + " " + Template;

    /// <summary>
    /// Sending it twice does what sending it once does (reads, overwrites, edits, deletes, opening a DM channel), so the
    /// client itself may repeat it after a 429 or a 5xx. Posting a message or answering an interaction is not: the
    /// owner of that message decides, with a nonce where there is one.
    /// </summary>
    public bool Repeatable => Method != HttpMethod.Post || Template == "/users/@me/channels";

    public override string ToString() => Key;

    public static DiscordRoute GetGatewayBot() => new(HttpMethod.Get, "gateway/bot", "/gateway/bot", string.Empty);

    public static DiscordRoute CreateMessage(string channelId) =>
        new(HttpMethod.Post, $"channels/{channelId}/messages", "/channels/{channel}/messages", channelId);

    public static DiscordRoute CreateDm() => new(HttpMethod.Post, "users/@me/channels", "/users/@me/channels", string.Empty);

    public static DiscordRoute InteractionCallback(string interactionId, string token) =>
        new(HttpMethod.Post, $"interactions/{interactionId}/{token}/callback", "/interactions/{id}/{token}/callback", interactionId, true);

    public static DiscordRoute EditOriginal(string applicationId, string token) =>
        new(HttpMethod.Patch, $"webhooks/{applicationId}/{token}/messages/@original", "/webhooks/{app}/{token}/messages/@original", applicationId + "/" + token, true);

    public static DiscordRoute DeleteOriginal(string applicationId, string token) =>
        new(HttpMethod.Delete, $"webhooks/{applicationId}/{token}/messages/@original", "/webhooks/{app}/{token}/messages/@original", applicationId + "/" + token, true);

    public static DiscordRoute CreateFollowup(string applicationId, string token) =>
        new(HttpMethod.Post, $"webhooks/{applicationId}/{token}", "/webhooks/{app}/{token}", applicationId + "/" + token, true);

    public static DiscordRoute BulkOverwriteGlobalCommands(string applicationId) =>
        new(HttpMethod.Put, $"applications/{applicationId}/commands", "/applications/{app}/commands", applicationId);

    public static DiscordRoute BulkOverwriteGuildCommands(string applicationId, string guildId) =>
        new(HttpMethod.Put, $"applications/{applicationId}/guilds/{guildId}/commands", "/applications/{app}/guilds/{guild}/commands", guildId);
}
