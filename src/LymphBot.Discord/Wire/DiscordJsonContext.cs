using System.Text.Json;
using System.Text.Json.Serialization;

namespace LymphBot.Discord.Wire;

/// <summary>
/// Source-generated serialisation for every payload we read or write: snake_case names, nulls left out, unknown
/// fields ignored (real payloads carry <c>_trace</c>, <c>geo_ordered_rtc_regions</c> and more).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(GatewayFrame<JsonElement>))]
[JsonSerializable(typeof(GatewayFrame<DiscordMessage>))]
[JsonSerializable(typeof(GatewayFrame<DiscordInteraction>))]
[JsonSerializable(typeof(GatewayFrame<ReadyEvent>))]
[JsonSerializable(typeof(GatewayFrame<HelloEvent>))]
[JsonSerializable(typeof(GatewaySend<IdentifyPayload>))]
[JsonSerializable(typeof(GatewaySend<ResumePayload>))]
[JsonSerializable(typeof(DiscordMessage))]
[JsonSerializable(typeof(DiscordInteraction))]
[JsonSerializable(typeof(ReadyEvent))]
[JsonSerializable(typeof(MessagePayload))]
[JsonSerializable(typeof(InteractionCallback))]
[JsonSerializable(typeof(AutocompleteCallback))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(List<ApplicationCommand>))]
[JsonSerializable(typeof(CreateDmRequest))]
[JsonSerializable(typeof(DiscordChannel))]
[JsonSerializable(typeof(CreatedMessage))]
[JsonSerializable(typeof(GatewayBotResponse))]
[JsonSerializable(typeof(DiscordErrorBody))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;
