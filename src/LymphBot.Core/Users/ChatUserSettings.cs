namespace LymphBot.Core.Users;

/// <summary>What the bot keeps about a member: who they are on which platform, and their settings.</summary>
public sealed record ChatUserSettings(string Platform, string UserId, string? TimeZone, DateTimeOffset CreatedAt);
