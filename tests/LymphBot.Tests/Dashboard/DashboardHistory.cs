using System.Globalization;
using System.Text;

namespace LymphBot.Tests.Dashboard;

/// <summary>
/// Thirty days of a busy group for pages worth looking at: questions by kind, 👍/👎, reminders on time, late and
/// failed, members with a reminder, and a few subscriptions for the heat map. The numbers follow the day, so every
/// run draws the same charts; none of it is anything a member wrote.
/// </summary>
public static class DashboardHistory
{
    private const long Day = 86_400_000;

    public static async Task SeedAsync(DashboardHost host, params string[] chats)
    {
        ArgumentNullException.ThrowIfNull(host);
        var today = host.Time.GetUtcNow().ToUnixTimeMilliseconds() / Day;
        var statements = new List<string>();
        var subscription = 1_000;
        foreach (var (chat, c) in chats.Select((chat, c) => (chat, c)))
        {
            for (var ago = 29; ago >= 1; ago--)
            {
                var day = today - ago;
                var wave = (ago + (3 * c)) % 7;
                statements.Add("INSERT INTO question_counts (platform, chat_id, day, kind, asked) VALUES " +
                    $"('test', '{chat}', {day}, 'answer', {8 + wave}), ('test', '{chat}', {day}, 'clarify', {1 + (wave % 3)}), " +
                    $"('test', '{chat}', {day}, 'not_found', {2 + (wave % 4)}), ('test', '{chat}', {day}, 'safety', {(wave == 5 ? 1 : 0)})");
                statements.Add($"INSERT INTO active_members_per_day (platform, chat_id, day, members) VALUES ('test', '{chat}', {day}, {14 + (29 - ago) / 3})");
                statements.Add(Feedback(day, c, helpful: 3 + (wave % 3), unhelpful: wave % 2));
                var date = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(day * Day).UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var due = (day * Day) + (8 * 3_600_000);
                var rows = new StringBuilder("INSERT INTO reminder_deliveries (subscription_id, platform, chat_id, local_date, kind, due_at, first_due_at, state, attempts, text, " +
                    "reason, completed_at, retries, rate_limit_waits, rate_limit_wait_ms) VALUES ");
                for (var i = 0; i < 12 + (wave % 4); i++)
                {
                    var (state, completed, reason) = i switch
                    {
                        0 when wave == 2 => ("Failed", due + 4_000, "'chat unreachable: Forbidden: bot was blocked by the user'"),
                        1 when wave is 1 or 4 => ("Sent", due + 240_000, "NULL"),
                        _ => ("Sent", due + 1_500 + (i * 700), "NULL"),
                    };
                    rows.Append(i == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture,
                        $"({subscription + i}, 'test', '{chat}', '{date}', 'Daily', {due}, {due}, '{state}', 1, 'x', {reason}, {completed}, {(i == 2 ? 1 : 0)}, {(i == 3 && wave == 6 ? 1 : 0)}, {(i == 3 && wave == 6 ? 2_000 : 0)})");
                }

                statements.Add(rows.ToString());
            }

            subscription += 100;
            statements.Add("INSERT INTO reminder_subscriptions (platform, user_id, chat_id, local_time, time_zone, state, created_at, kind) VALUES " + string.Join(", ",
                new[] { ("07:30", "Europe/Berlin"), ("08:00", "Europe/Berlin"), ("08:00", "Europe/London"), ("20:00", "America/New_York") }
                    .SelectMany((slot, s) => Enumerable.Range(0, 2 + s + c).Select(m => $"('test', 'm{c}-{s}-{m}', '{chat}', '{slot.Item1}', '{slot.Item2}', 'Active', 0, 'Routine')"))));
        }

        statements.Add($"INSERT INTO chat_status (platform, chat_id, unreachable_reason, changed_at) VALUES ('test', 'left-group', 'bot was removed', {(today * Day) - (2 * Day)})");
        await host.ExecuteAsync([.. statements]);
    }

    private static string Feedback(long day, int chat, int helpful, int unhelpful) =>
        "INSERT INTO answer_feedback (entry_id, helpful, platform, created_at, voter_id) VALUES " + string.Join(", ",
            Enumerable.Range(0, helpful + unhelpful).Select(v => $"('entry-{day}', {(v < helpful ? "TRUE" : "FALSE")}, 'test', {(day * Day) + 3_600_000}, 'voter-{chat}-{v}')"));
}
