namespace LymphBot.Core.Chat;

/// <summary>Per-member limit on questions and tip suggestions. Section <c>RateLimit</c>.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimit";

    /// <summary>Questions and suggestions one member may send per minute. Default 10.</summary>
    public int PerMinute { get; set; } = 10;
}
