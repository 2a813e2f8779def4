using System.Text.Json;

namespace LymphBot.Discord.Wire;

/// <summary>An error or 429 body: <c>{"code", "message", "errors"?, "retry_after"?, "global"?}</c>.</summary>
internal sealed class DiscordErrorBody
{
    public int Code { get; set; }

    public string? Message { get; set; }

    public JsonElement? Errors { get; set; }

    public double? RetryAfter { get; set; }

    public bool? Global { get; set; }
}
