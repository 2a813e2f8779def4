using LymphBot.Core.Chat;
using LymphBot.Core.Reminders;
using LymphBot.Core.Scheduling;
using LymphBot.Discord.Tests.TestSupport;
using LymphBot.Testing;
using LymphBot.Testing.Scheduling;

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
}
