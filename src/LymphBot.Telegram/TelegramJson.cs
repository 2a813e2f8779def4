using System.Text.Json.Serialization.Metadata;
using Telegram.Bot;

namespace LymphBot.Telegram;

/// <summary>
/// Telegram.Bot reads and writes every request, response and update through one shared <see cref="JsonBotAPI.Options"/>.
/// Left as it is, System.Text.Json builds the metadata for Telegram's whole type graph by reflection the first time an
/// update arrives: about 7 MiB allocated and hundreds of emitted accessors, which stay in an idle bot's memory. The
/// library ships the same metadata source-generated (<see cref="JsonBotSerializerContext"/>, what it runs on under
/// NativeAOT); putting it first makes every Telegram type come from generated code, with reflection behind it for any
/// type the context lacks.
/// </summary>
public static class TelegramJson
{
    private static readonly Lock Gate = new();

    /// <summary>
    /// Puts the generated metadata first, once per process. Does nothing when the options are already in use (they
    /// cannot change then): the reflection metadata is equivalent, only heavier.
    /// </summary>
    public static void UseGeneratedMetadata()
    {
        lock (Gate)
        {
            var options = JsonBotAPI.Options;
            if (options.IsReadOnly || options.TypeInfoResolver is not null)
            {
                return;
            }

            try
            {
                options.TypeInfoResolver = JsonTypeInfoResolver.Combine(JsonBotSerializerContext.Default, new DefaultJsonTypeInfoResolver());
            }
            catch (InvalidOperationException)
            {
                // Something serialized through Telegram.Bot between the check and the change: the options are now
                // read-only and keep the reflection metadata.
            }
        }
    }
}
