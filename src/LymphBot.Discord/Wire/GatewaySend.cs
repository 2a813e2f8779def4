namespace LymphBot.Discord.Wire;

internal sealed class GatewaySend<TData>
{
    public required int Op { get; init; }

    public required TData D { get; init; }
}
