using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Reminders;
using LymphBot.Core.Scheduling;
using LymphBot.Discord.Tests.TestSupport;
using LymphBot.Testing;
using LymphBot.Testing.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LymphBot.Discord.Tests.Interactions;

/// <summary>Autocomplete (interaction type 4) through the stand-in: answered with callback type 8, within Discord's limits and time.</summary>
public sealed class AutocompleteTests
{
    [Theory]
    [InlineData("berl", "Europe/Berlin")]
    [InlineData("new y", "America/New_York")]
    [InlineData("KOLK", "Asia/Kolkata")]
    public async Task Zone_AsTheMemberTypes_OffersMatchingIanaZones(string typed, string expected)
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord, configure: WithReminders);
        var gateway = await discord.AcceptIdentifiedAsync();

        await gateway.DispatchAsync("INTERACTION_CREATE", 2, Payloads.Autocomplete("timezone", null, "zone", typed));

        var callback = await discord.NextRequestAsync(r => r.Path.StartsWith("/interactions/", StringComparison.Ordinal));
        Assert.Equal(8, callback.Json.GetProperty("type").GetInt32());
        var first = callback.Json.GetProperty("data").GetProperty("choices")[0];
        Assert.Equal(expected, first.GetProperty("value").GetString());
        Assert.StartsWith(expected + " (UTC", first.GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zone_WithABroadPrefix_AtMost25ChoicesOfAtMost100Characters()
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord, configure: WithReminders);
        var gateway = await discord.AcceptIdentifiedAsync();

        await gateway.DispatchAsync("INTERACTION_CREATE", 2, Payloads.Autocomplete("remind", "add", "zone", "a"));

        var choices = (await discord.NextRequestAsync(r => r.Path.StartsWith("/interactions/", StringComparison.Ordinal))).Json.GetProperty("data").GetProperty("choices");
        Assert.Equal(25, choices.GetArrayLength());
        Assert.All(choices.EnumerateArray(), c => Assert.InRange(c.GetProperty("name").GetString()!.Length, 1, 100));
    }

    [Fact]
    public async Task ReminderId_OffersOnlyTheAskersOwnReminders_AsIntegersWithReadableLabels()
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord, configure: WithReminders);
        var store = bot.Get<InMemoryReminderStore>();
        var mine = await store.AddAsync(Reminder(Payloads.UserId, new TimeOnly(8, 0), "Europe/Berlin"), CancellationToken.None);
        await store.AddAsync(Reminder("someone-else", new TimeOnly(9, 0), "UTC"), CancellationToken.None);
        var gateway = await discord.AcceptIdentifiedAsync();

        await gateway.DispatchAsync("INTERACTION_CREATE", 2, Payloads.Autocomplete("remind", "pause", "reminder", string.Empty, optionType: 4));

        var choices = (await discord.NextRequestAsync(r => r.Path.StartsWith("/interactions/", StringComparison.Ordinal))).Json.GetProperty("data").GetProperty("choices");
        var only = Assert.Single(choices.EnumerateArray());
        Assert.Equal($"#{mine.Id} 08:00 Europe/Berlin", only.GetProperty("name").GetString());
        Assert.Equal(mine.Id, only.GetProperty("value").GetInt64());
    }

    [Fact]
    public async Task Suggester_HeldUpByABusyDatabase_AnswersInTimeWithNoChoices()
    {
        using var held = new ManualResetEventSlim();
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord, configure: s =>
        {
            WithReminders(s);
            s.AddSingleton<IValueSuggester>(new BlockingSuggester(held));
        });
        var gateway = await discord.AcceptIdentifiedAsync();

        await gateway.DispatchAsync("INTERACTION_CREATE", 2, Payloads.Autocomplete("remind", "off", "reminder", "3", optionType: 4));

        var callback = await discord.NextRequestAsync(r => r.Path.StartsWith("/interactions/", StringComparison.Ordinal));
        held.Set();
        Assert.Equal(0, callback.Json.GetProperty("data").GetProperty("choices").GetArrayLength());
        await bot.Logs.WaitForAsync(e => e.Level == LogLevel.Warning && e.Text.Contains("no suggestions within the budget", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownCommandOrOption_AnswersWithNoChoices()
    {
        await using var discord = await StandInDiscord.StartAsync();
        await using var bot = await DiscordHarness.StartAsync(discord, configure: WithReminders);
        var gateway = await discord.AcceptIdentifiedAsync();

        await gateway.DispatchAsync("INTERACTION_CREATE", 2, Payloads.Autocomplete("remind", "pause", "no-such-option", "x"));
        var first = await discord.NextRequestAsync(r => r.Path.StartsWith("/interactions/", StringComparison.Ordinal));
        await gateway.DispatchAsync("INTERACTION_CREATE", 3, Payloads.Autocomplete("nope", null, "zone", "berl", interactionId: "600000000000000006"));
        var second = await discord.NextRequestAsync(r => r.Path.Contains("600000000000000006", StringComparison.Ordinal));

        Assert.Equal(0, first.Json.GetProperty("data").GetProperty("choices").GetArrayLength());
        Assert.Equal(0, second.Json.GetProperty("data").GetProperty("choices").GetArrayLength());
    }

    private static void WithReminders(IServiceCollection services)
    {
        services.AddInMemoryStores();
        services.AddScheduling();
        services.AddReminders();
    }

    private static ReminderSubscription Reminder(string userId, TimeOnly at, string zone) =>
        new(0, new ChatUser("discord", userId, userId), new ChatAddress("discord", Payloads.GuildChannelId), at, zone, ReminderState.Active, DateTimeOffset.UnixEpoch);

    /// <summary>Reads the member's reminders from a database that blocks its thread until released (SQLite's async calls run synchronously while it is locked).</summary>
    private sealed class BlockingSuggester(ManualResetEventSlim held) : IValueSuggester
    {
        public string Source => OwnReminderSuggester.SourceName;

        public Task<IReadOnlyList<ValueSuggestion>> SuggestAsync(IncomingMessage asker, string typed, int max, CancellationToken cancellationToken)
        {
            held.Wait(TimeSpan.FromSeconds(30), CancellationToken.None);
            return Task.FromResult<IReadOnlyList<ValueSuggestion>>([new ValueSuggestion("#3 too late", "3")]);
        }
    }
}
