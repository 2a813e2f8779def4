using LymphBot.Telegram.Tests.StandIn;
using Microsoft.Extensions.DependencyInjection;

namespace LymphBot.Telegram.Tests.TestSupport;

/// <summary>A test class's fresh stand-in Bot API server and the adapter talking to it, sharing one test clock.</summary>
public abstract class StandInConversation : IAsyncLifetime
{
    protected TelegramStandIn StandIn { get; private set; } = null!;

    protected TelegramTestHost Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var clock = new TestClock();
        StandIn = await TelegramStandIn.StartAsync(clock);
        Bot = await TelegramTestHost.StartAsync(StandIn, clock, services: AddServices);
    }

    /// <summary>What a test class adds to the bot's services (features beyond the test host's commands).</summary>
    protected virtual void AddServices(IServiceCollection services)
    {
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await StandIn.DisposeAsync();
    }
}
