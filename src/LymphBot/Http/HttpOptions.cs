namespace LymphBot.Http;

/// <summary>The HTTP surface (health, metrics, Telegram webhook). Section <c>Http</c>.</summary>
public sealed class HttpOptions
{
    public const string Section = "Http";
    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <summary>Where Kestrel listens, <c>;</c>-separated. Default <c>http://127.0.0.1:8080</c>; the container binds <c>http://0.0.0.0:8080</c>.</summary>
    public string Urls { get; set; } = DefaultUrls;
}
