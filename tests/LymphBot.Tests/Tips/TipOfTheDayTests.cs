using System.Globalization;
using LymphBot.Core.Chat;
using LymphBot.Core.Scheduling;
using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LymphBot.Tests.Tips;

/// <summary>The tip of the day rides the reminder machinery: Quartz slot, outbox, pacing, DST; a fake clock drives it.</summary>
public sealed class TipOfTheDayTests
{
    [Fact]
    public async Task Schedule_PostsADifferentTipEachDay_InTheGroup()
    {
        using var data = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T07:59:00Z", CultureInfo.InvariantCulture)); // 08:59 Berlin
        await using var host = await ReminderHost.StartAsync(data, time);
        var group = new ChatAddress("test", "group-1");
        await host.Reminders.AddAsync(
            new ReminderSubscription(0, new ChatUser("test", "mod", "Mod"), group, new TimeOnly(9, 0), "Europe/Berlin", ReminderState.Active, time.GetUtcNow())
            {
                Kind = ReminderKind.TipOfTheDay,
            },
            CancellationToken.None);
        await host.App.Services.GetRequiredService<ISlotScheduler>().EnsureSlotAsync("Europe/Berlin", new TimeOnly(9, 0), CancellationToken.None);

        Assert.True(await host.AdvanceUntilSentAsync(1, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(5)));
        time.SetUtcNow(DateTimeOffset.Parse("2026-11-25T07:59:00Z", CultureInfo.InvariantCulture));
        Assert.True(await host.AdvanceUntilSentAsync(2, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(5)));

        var posts = host.Platform.All;
        Assert.All(posts, p => Assert.Equal(group, p.Address));
        Assert.All(posts, p => Assert.StartsWith("💡 **Tip of the day**\n", p.Reply.Text, StringComparison.Ordinal));
        Assert.All(posts, p => Assert.Empty(p.Reply.Buttons));
        Assert.NotEqual(posts[0].Reply.Text, posts[1].Reply.Text);
    }
}
