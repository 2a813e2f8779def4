namespace LymphBot.Discord.Tests;

public sealed class DiscordStatusHealthTests
{
    [Fact]
    public void Check_ReportsReadyOnlyWhenConnected_AndTheStopReason()
    {
        using var status = new DiscordStatus();

        Assert.Equal((false, "starting"), status.Check());
        status.Set(DiscordState.Connected);
        Assert.Equal((true, "connected"), status.Check());
        status.Set(DiscordState.Reconnecting);
        Assert.Equal((false, "reconnecting"), status.Check());
        status.Stop("Gateway closed with 4004: authentication failed");
        Assert.Equal((false, "stopped: Gateway closed with 4004: authentication failed"), status.Check());
        Assert.Equal("discord", status.Name);
    }
}
