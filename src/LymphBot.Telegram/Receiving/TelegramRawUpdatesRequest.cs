using System.Text.Json;
using Telegram.Bot.Requests;
using Telegram.Bot.Types.Enums;

namespace LymphBot.Telegram.Receiving;

/// <summary>
/// getUpdates with the result left as raw JSON elements. The client's own <see cref="GetUpdatesRequest"/> parses the
/// whole array at once, so a single update it cannot read fails the response and, unconfirmed, comes back forever;
/// read one by one (<see cref="Mapping.TelegramUpdateJson"/>), it is skipped alone. The request body is the library's own.
/// </summary>
internal sealed class TelegramRawUpdatesRequest(int? offset, int limit, int timeout, IEnumerable<UpdateType> allowedUpdates)
    : RequestBase<JsonElement[]>("getUpdates")
{
    public override HttpContent? ToHttpContent() => new GetUpdatesRequest
    {
        Offset = offset,
        Limit = limit,
        Timeout = timeout,
        AllowedUpdates = allowedUpdates,
    }.ToHttpContent();
}
