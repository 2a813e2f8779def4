using LymphBot.Core.Reminders;
using LymphBot.Core.Scheduling;
using LymphBot.Discord.Tests.TestSupport;
using LymphBot.Testing;

namespace LymphBot.Discord.Tests.Interactions;

/// <summary>Replies about the asker (their reminders, their zone, their data) are ephemeral in a server; others are not.</summary>
public sealed class PersonalReplyTests
{
    [Theory]
    [InlineData("reminders", true)]
    [InlineData("timezone", true)]
    [InlineData("help", false)]
    public async Task SlashCommandInAServer_PersonalReplyIsEphemeral(string command, bool ephemeral)
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord, configure: s =>
        {
            s.AddInMemoryStores();
            s.AddScheduling();
            s.AddReminders();
        });
        var gateway = await discord.AcceptIdentifiedAsync();

        await gateway.DispatchAsync("INTERACTION_CREATE", 2, Payloads.SlashCommand(command));

        var callback = await discord.NextRequestAsync(r => r.Path.StartsWith("/interactions/", StringComparison.Ordinal));
        var data = callback.Json.GetProperty("data");
        Assert.Equal(ephemeral, data.TryGetProperty("flags", out var flags) && (flags.GetInt32() & 64) != 0);
    }
}
