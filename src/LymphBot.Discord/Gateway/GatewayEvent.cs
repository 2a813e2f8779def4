namespace LymphBot.Discord.Gateway;

/// <summary>
/// A dispatch (op 0) as the read loop hands it to the workers: the raw frame, parsed there, not here.
/// <c>ReceivedAt</c> is the local receipt (<see cref="TimeProvider.GetTimestamp"/>); interaction deadlines count from it.
/// </summary>
internal sealed record GatewayEvent(string Type, int? Sequence, string? ChannelId, ReadOnlyMemory<byte> Frame, long ReceivedAt);
