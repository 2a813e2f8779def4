using Telegram.Bot.Types;

namespace LymphBot.Telegram.Mapping;

/// <summary>
/// One element of a getUpdates result or one webhook body, as read by <see cref="TelegramUpdateJson.Read"/>:
/// <see cref="Update"/> when it could be read, otherwise <see cref="Problem"/>. <see cref="Id"/> is the
/// <c>update_id</c> when the JSON has one, readable or not, so an unreadable update can still be confirmed.
/// </summary>
public sealed record TelegramUpdateRead(int? Id, Update? Update, string? Problem);
