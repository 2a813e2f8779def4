using System.Globalization;
using LymphBot.Http;
using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace LymphBot.Tests.Http;

public sealed class StartupSummaryTests
{
    [Fact]
    public async Task Describe_NamesVersionAdaptersStorageKnowledgeAndNextReminder()
    {
        using var data = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T05:00:00Z", CultureInfo.InvariantCulture));
        await using var host = await ReminderHost.StartAsync(data, time);
        await host.SubscribeAsync("ada", "08:00", "Europe/Berlin");
        await host.SubscribeAsync("bob", "06:30", "UTC");

        var summary = host.App.Services.GetServices<IHostedService>().OfType<StartupSummary>().Single();
        var line = await summary.DescribeAsync(CancellationToken.None);

        Assert.Matches(@"^LymphBot \d+\.\d+\.\d+ started: adapters test; storage Sqlite; knowledge \d+ entries; next reminder 2026-11-24 06:30:00Z$", line);
    }
}
