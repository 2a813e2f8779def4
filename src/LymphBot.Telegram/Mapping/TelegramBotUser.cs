namespace LymphBot.Telegram.Mapping;

/// <summary>Who the bot is on Telegram: its user id (from the token) and username (from getMe).</summary>
public sealed record TelegramBotUser(long Id, string Username);
