namespace LymphBot.Telegram;

public enum TelegramMode
{
    /// <summary>The adapter asks Telegram for updates (long polling); one instance per bot.</summary>
    Polling,

    /// <summary>Telegram posts updates to <see cref="TelegramOptions.WebhookUrl"/>; several instances can share them.</summary>
    Webhook,
}
