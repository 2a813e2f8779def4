using System.Globalization;
using System.Text.RegularExpressions;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Testing.TestSupport;
using LymphBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LymphBot.Tests.Http;

/// <summary>/metrics scraped through a real Kestrel after a scripted conversation shows the right counts.</summary>
public sealed partial class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_AfterConversationAndReminder_CountQuestionsByKindAndRemindersByPlatform()
    {
        using var data = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T07:59:00Z", CultureInfo.InvariantCulture));
        await using var host = await ReminderHost.StartAsync(data, time);
        var router = host.App.Services.GetRequiredService<CommandRouter>();
        string[] questions = ["what is lymphatic massage", "does it help with swelling", "best pasta recipe", "I have chest pain"];
        foreach (var question in questions)
        {
            await router.HandleAsync(new IncomingMessage(new ChatAddress(Probe, "c1"), new ChatUser(Probe, "u1", "U"), question), CancellationToken.None);
        }

        await host.SubscribeAsync("ada", "08:00", "UTC");
        Assert.True(await host.AdvanceUntilSentAsync(1, TimeSpan.FromMinutes(5)));
        using var http = new HttpClient { BaseAddress = new Uri(host.App.Urls.First()) };

        var text = string.Empty;
        for (var attempt = 0; attempt < 50 && !text.Contains("lymphbot_reminders_sent", StringComparison.Ordinal); attempt++)
        {
            // The exporter caches a scrape briefly; ask again until the sent counter is in.
            text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            await Task.Delay(100);
        }

        Assert.Equal(2, Value(text, "lymphbot_questions_total", "kind=\"answer\"", Label));
        Assert.Equal(1, Value(text, "lymphbot_questions_total", "kind=\"not_found\"", Label));
        Assert.Equal(1, Value(text, "lymphbot_questions_total", "kind=\"safety\"", Label));
        Assert.Equal(4, Value(text, "lymphbot_answer_duration_seconds_count", Label));

        // Meters are process-wide, so other tests' hosts on the "test" platform may add to these.
        Assert.True(Value(text, "lymphbot_reminders_due_total", "platform=\"test\"") >= 1);
        Assert.True(Value(text, "lymphbot_reminders_sent_total", "platform=\"test\"") >= 1);

        // The sender's queue is observed at each scrape (other hosts in this process may hold deliveries right now).
        Assert.True(Value(text, "lymphbot_queue_depth", "queue=\"reminders.claimed\"") >= 0);
    }

    // A platform name of this test's own: meters are process-wide, and tests run in parallel.
    private const string Probe = "metrics-probe";
    private const string Label = "platform=\"" + Probe + "\"";

    private static double Value(string scrape, string name, params string[] labels)
    {
        var line = scrape.Split('\n').FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal) && labels.All(label => l.Contains(label, StringComparison.Ordinal)))
            ?? throw new Xunit.Sdk.XunitException($"{name} {string.Join(",", labels)} not in:\n{scrape}");
        return double.Parse(Sample().Match(line).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\}?\s([0-9.eE+-]+)(\s\d+)?$")]
    private static partial Regex Sample();
}
