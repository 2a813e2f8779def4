using System.Text.Json;

namespace LymphBot.Discord.Tests.TestSupport;

/// <summary>A REST request the stand-in received; <see cref="Path"/> is relative to <c>/api/v10</c>.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Authorization, string? UserAgent, string? ContentType, string Body, long ReceivedAt)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public override string ToString() => $"{Method} {Path}";
}
