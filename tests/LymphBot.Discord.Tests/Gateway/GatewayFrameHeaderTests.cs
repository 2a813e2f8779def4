using System.Text;
using LymphBot.Discord.Gateway;

namespace LymphBot.Discord.Tests.Gateway;

public sealed class GatewayFrameHeaderTests
{
    [Theory]
    [InlineData("""{"op": 11}""", 11, null, null)]
    [InlineData("""{"t":null,"s":null,"op":10,"d":{"heartbeat_interval":41250,"_trace":["x"]}}""", 10, null, null)]
    [InlineData("""{"t":"MESSAGE_CREATE","s":42,"op":0,"d":{"id":"1","channel_id":"77","author":{"id":"5"}}}""", 0, 42, "MESSAGE_CREATE")]
    [InlineData("""{"d":{"x":1},"op":0,"t":"GUILD_CREATE","s":3,"extra":[1,{"a":2}]}""", 0, 3, "GUILD_CREATE")]
    public void Read_Envelope_FindsOpSequenceAndType(string json, int op, int? sequence, string? type)
    {
        var header = GatewayFrameHeader.Read(Encoding.UTF8.GetBytes(json));

        Assert.Equal((op, sequence, type), (header.Op, header.Sequence, header.Type));
    }

    [Fact]
    public void Read_Dispatch_TakesTheTopLevelChannelIdOnly()
    {
        var direct = GatewayFrameHeader.Read("""{"op":0,"s":1,"t":"MESSAGE_CREATE","d":{"author":{"channel_id":"nested"},"channel_id":"77"}}"""u8);
        var nested = GatewayFrameHeader.Read("""{"op":0,"s":1,"t":"X","d":{"message":{"channel_id":"nested"}}}"""u8);

        Assert.Equal("77", direct.ChannelId);
        Assert.Null(nested.ChannelId);
    }

    [Theory]
    [InlineData("""{"op": 9, "d": true}""", true)]
    [InlineData("""{"op": 9, "d": false}""", false)]
    public void Read_InvalidSession_ReadsResumable(string json, bool resumable)
    {
        Assert.Equal(resumable, GatewayFrameHeader.Read(Encoding.UTF8.GetBytes(json)).DataIsTrue);
    }

    [Theory]
    [InlineData(4004, "Fatal")]
    [InlineData(4010, "Fatal")]
    [InlineData(4011, "Fatal")]
    [InlineData(4012, "Fatal")]
    [InlineData(4013, "Fatal")]
    [InlineData(4014, "Fatal")]
    [InlineData(4003, "Identify")]
    [InlineData(4007, "Identify")]
    [InlineData(4009, "Identify")]
    [InlineData(4000, "Resume")]
    [InlineData(4008, "Resume")]
    [InlineData(1001, "Resume")]
    [InlineData(null, "Resume")]
    public void Classify_CloseCode_MapsToTheRightRecovery(int? code, string expected)
    {
        Assert.Equal(expected, GatewayCloseCodes.Classify(code).ToString());
    }

    [Fact]
    public async Task SendLimiter_AfterTheLimit_HoldsOtherSendsButKeepsHeartbeatSlots()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var limiter = new GatewaySendLimiter(time);
        for (var i = 0; i < GatewaySendLimiter.Limit - GatewaySendLimiter.ReservedForHeartbeats; i++)
        {
            await limiter.WaitAsync(heartbeat: false, CancellationToken.None);
        }

        var blocked = limiter.WaitAsync(heartbeat: false, CancellationToken.None).AsTask();
        await limiter.WaitAsync(heartbeat: true, CancellationToken.None);
        Assert.False(blocked.IsCompleted);

        time.Advance(GatewaySendLimiter.Window);
        await blocked.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
