namespace LymphBot.Discord.Wire;

/// <summary>The gateway envelope; keys may be missing (a heartbeat ACK is just <c>{"op": 11}</c>).</summary>
internal sealed class GatewayFrame<TData>
{
    public int Op { get; set; }

    public TData? D { get; set; }

    public int? S { get; set; }

    public string? T { get; set; }
}
