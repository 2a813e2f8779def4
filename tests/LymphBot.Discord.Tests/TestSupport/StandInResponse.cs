namespace LymphBot.Discord.Tests.TestSupport;

public sealed record StandInResponse(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static StandInResponse Json(int status, string body, params (string Name, string Value)[] headers) =>
        new(status, body, headers.ToDictionary(h => h.Name, h => h.Value));
}
