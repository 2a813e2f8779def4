using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Reminders;
using LymphBot.Core.Scheduling;
using LymphBot.Discord.Tests.TestSupport;
using LymphBot.Testing;
using LymphBot.Testing.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace LymphBot.Discord.Tests.Interactions;

/// <summary>A press whose reply replaces the pressed message is answered with type 7 (UPDATE_MESSAGE): nothing new is posted.</summary>
public sealed class ButtonUpdateTests
{
    [Fact]
    public async Task RemindersPause_UpdatesTheListInPlace_WithResumeInsteadOfPause()
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord, configure: s =>
        {
            s.AddInMemoryStores();
            s.AddScheduling();
            s.AddReminders();
        });
        var reminder = await bot.Get<InMemoryReminderStore>().AddAsync(
            new ReminderSubscription(0, new ChatUser("discord", Payloads.UserId, "ada"), new ChatAddress("discord", Payloads.DmChannelId), new TimeOnly(8, 0), "Europe/Berlin", ReminderState.Active, DateTimeOffset.UnixEpoch),
            CancellationToken.None);
        var gateway = await discord.AcceptIdentifiedAsync();

        await gateway.DispatchAsync("INTERACTION_CREATE", 2, Payloads.ButtonPress($"rml:pause:{reminder.Id}"));

        var callback = await discord.NextRequestAsync(r => r.Path.StartsWith("/interactions/", StringComparison.Ordinal));
        Assert.Equal(7, callback.Json.GetProperty("type").GetInt32());
        var data = callback.Json.GetProperty("data");
        Assert.Contains($"Paused reminder \\#{reminder.Id}", data.GetProperty("content").GetString(), StringComparison.Ordinal);
        var labels = data.GetProperty("components").EnumerateArray().SelectMany(row => row.GetProperty("components").EnumerateArray()).Select(b => b.GetProperty("label").GetString()).ToList();
        Assert.Contains(labels, l => l!.Contains("Resume", StringComparison.Ordinal));
        Assert.DoesNotContain(labels, l => l!.Contains("Pause", StringComparison.Ordinal));
        Assert.Equal(ReminderState.Paused, (await bot.Get<InMemoryReminderStore>().FindAsync(reminder.Id, CancellationToken.None))!.State);
        Assert.DoesNotContain(discord.Requests, r => r.Path.StartsWith("/channels/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SlowPress_IsAcknowledgedWithType6_ThenThePressedMessageIsEditedOrAFollowUpPosted(bool replaces)
    {
        using var handler = new SlowButton(replaces);
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord, configure: s => s.AddSingleton<IButtonHandler>(handler));
        var gateway = await discord.AcceptIdentifiedAsync();

        await gateway.DispatchAsync("INTERACTION_CREATE", 2, Payloads.ButtonPress("slow:1", interactionId: "65", token: "tok-65"));

        var deferral = await discord.NextRequestAsync(r => r.Path.StartsWith("/interactions/", StringComparison.Ordinal));
        Assert.Equal("""{"type":6}""", deferral.Body);
        handler.Release();
        var finish = await discord.NextRequestAsync(r => r.Path.StartsWith("/webhooks/", StringComparison.Ordinal));
        Assert.Equal(
            replaces ? ("PATCH", $"/webhooks/{Payloads.ApplicationId}/tok-65/messages/@original") : ("POST", $"/webhooks/{Payloads.ApplicationId}/tok-65"),
            (finish.Method, finish.Path));
        Assert.Equal("Done slowly", finish.Json.GetProperty("content").GetString());
    }

    /// <summary>A button whose handler blocks its thread past the interaction budget (a locked database).</summary>
    private sealed class SlowButton(bool replaces) : IButtonHandler, IDisposable
    {
        private readonly ManualResetEventSlim _released = new();

        public string Prefix => "slow";

        public void Release() => _released.Set();

        public Task<Reply?> HandleAsync(IncomingMessage message, string payload, CancellationToken cancellationToken)
        {
            _released.Wait(TimeSpan.FromSeconds(30), cancellationToken);
            return Task.FromResult<Reply?>(new Reply("Done slowly") { ReplacesPressedMessage = replaces });
        }

        public void Dispose() => _released.Dispose();
    }
}
