namespace LymphBot.Core.Chat;

/// <summary>The person who sent a message, as the platform identifies them.</summary>
public sealed record ChatUser(string Platform, string UserId, string DisplayName)
{
    public override string ToString() => $"{Platform}:{UserId}";
}
