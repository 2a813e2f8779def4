using System.Globalization;
using LymphBot.Core.Adherence;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LymphBot.Tests.Adherence;

/// <summary>Follow-ups on the real host (real Quartz, real SQLite) driven by a fake clock.</summary>
public sealed class FollowUpDeliveryTests
{
    [Fact]
    public async Task Nag20mX3_NotDone_SendsThreeMoreAtTwentyMinuteSteps_ThenStops()
    {
        using var data = new TempDirectory();
        await using var host = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-24T07:59:00Z")));
        var id = (await host.SubscribeAsync("ada", "08:00", "UTC")).Id;
        await host.App.Services.GetRequiredService<IFollowUpStore>().SetAsync(id, new FollowUp(TimeSpan.FromMinutes(20), 3), CancellationToken.None);

        Assert.True(await host.AdvanceUntilSentAsync(4, TimeSpan.FromMinutes(75), TimeSpan.FromSeconds(20)));
        await host.AdvanceAsync(TimeSpan.FromHours(2), TimeSpan.FromMinutes(1));

        // The due times are the schedule's; the sends follow them as closely as the fake clock's steps let them.
        var due = (await SqliteFile.QueryAsync<long>(data, "SELECT due_at FROM reminder_deliveries ORDER BY kind, sequence")).Select(DateTimeOffset.FromUnixTimeMilliseconds).ToList();
        Assert.Equal([Utc("2026-11-24T08:00:00Z"), Utc("2026-11-24T08:20:00Z"), Utc("2026-11-24T08:40:00Z"), Utc("2026-11-24T09:00:00Z")], due);
        Assert.Equal(4, host.Platform.All.Count);
        Assert.All(due.Zip(host.Platform.Attempts), pair => Assert.True(pair.Second >= pair.First));
        Assert.Contains("Still to do", host.Platform.All[1].Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DonePressedASecondBeforeAFollowUpIsDue_NoFollowUpIsEverSent()
    {
        using var data = new TempDirectory();
        await using var host = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-24T07:59:00Z")));
        var id = (await host.SubscribeAsync("ada", "08:00", "UTC")).Id;
        await host.App.Services.GetRequiredService<IFollowUpStore>().SetAsync(id, new FollowUp(TimeSpan.FromMinutes(20), 3), CancellationToken.None);
        Assert.True(await host.AdvanceUntilSentAsync(1, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(10)));
        var reminder = await host.Platform.NextAsync();

        host.Time.SetUtcNow(Utc("2026-11-24T08:19:59Z"));
        var data0 = reminder.Reply.Buttons.SelectMany(r => r).Single(b => b.Label == "Done").Data;
        var answer = await host.App.Services.GetRequiredService<CommandRouter>().HandleAsync(
            new IncomingMessage(new ChatAddress("test", "chat-ada"), new ChatUser("test", "ada", "ada"), string.Empty, ButtonData: data0), CancellationToken.None);
        Assert.StartsWith("Well done!", answer!.Text, StringComparison.Ordinal);
        await host.AdvanceAsync(TimeSpan.FromHours(2), TimeSpan.FromSeconds(30));

        Assert.Single(host.Platform.All);
        Assert.Equal(OccurrenceOutcome.Done, await host.App.Services.GetRequiredService<IOutcomeStore>().FindAsync(id, new DateOnly(2026, 11, 24), CancellationToken.None));
    }

    [Fact]
    public async Task DownOverTheOccurrence_DeliveredLate_FollowUpsCountFromTheLateSend_NotSentWithIt()
    {
        using var data = new TempDirectory();
        await using (var first = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-24T07:00:00Z"))))
        {
            var id = (await first.SubscribeAsync("ada", "08:00", "UTC")).Id;
            await first.App.Services.GetRequiredService<IFollowUpStore>().SetAsync(id, new FollowUp(TimeSpan.FromMinutes(20), 3), CancellationToken.None);
        }

        // Down from 07:00 to 09:30: the 08:00 occurrence goes out 1.5 hours late (inside the grace), and all three
        // follow-ups (08:20, 08:40, 09:00 by the schedule) would be due with it: four messages at once, no nag spaced.
        await using var second = await ReminderHost.StartAsync(data, new FakeTimeProvider(Utc("2026-11-24T09:30:00Z")));
        Assert.True(await second.AdvanceUntilSentAsync(1, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(2)));
        await second.AdvanceAsync(TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(30));
        Assert.Single(second.Platform.All);

        // They keep their 20-minute spacing from the late send instead, and all three still go out.
        Assert.True(await second.AdvanceUntilSentAsync(4, TimeSpan.FromMinutes(75), TimeSpan.FromSeconds(20)));
        var due = (await SqliteFile.QueryAsync<long>(data, "SELECT due_at FROM reminder_deliveries WHERE kind = 'FollowUp' ORDER BY sequence")).Select(DateTimeOffset.FromUnixTimeMilliseconds).ToList();
        Assert.Equal([Utc("2026-11-24T09:50:00Z"), Utc("2026-11-24T10:10:00Z"), Utc("2026-11-24T10:30:00Z")], due);
    }

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
