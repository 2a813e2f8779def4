namespace LymphBot.Discord.Gateway;

/// <summary>Who the bot is, from READY: its user (to ignore its own messages and find mentions) and its application.</summary>
internal sealed record BotIdentity(string UserId, string Username, string ApplicationId);
