using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LymphBot.Dashboard.Bench;

/// <summary>
/// What a busy bot's database holds after a month: deliveries over 30 days on two platforms and 200 chats, most on
/// time, some late, retried, rate-limited, failed or missed; unanswered questions; subscriptions across 40 zones; and
/// the per-day question and member counts. Written in one transaction with prepared statements.
/// </summary>
internal static class BenchData
{
    public const int Chats = 200;
    private static readonly string[] Platforms = ["telegram", "discord"];

    public static async Task SeedAsync(string databasePath, DateTimeOffset now, int deliveries, int gaps, int subscriptions)
    {
        var random = new Random(17);
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var nowMs = now.ToUnixTimeMilliseconds();
        const long DayMs = 86_400_000;

        await using (var insert = Command(
            connection, transaction,
            "INSERT INTO reminder_deliveries (subscription_id, platform, chat_id, local_date, kind, due_at, state, attempts, text, reason, completed_at, first_due_at, retries, rate_limit_waits, rate_limit_wait_ms) " +
            "VALUES ($sub, $platform, $chat, $date, 'Daily', $due, $state, 1, 'Your daily routine', $reason, $completed, $first, $retries, $waits, $waitMs)",
            "$sub", "$platform", "$chat", "$date", "$due", "$state", "$reason", "$completed", "$first", "$retries", "$waits", "$waitMs"))
        {
            for (var i = 0; i < deliveries; i++)
            {
                var due = nowMs - (long)(random.NextDouble() * 30 * DayMs);
                var roll = random.Next(1000);
                var (state, reason, late) = roll switch
                {
                    < 900 => ("Sent", (string?)null, (long)random.Next(200, 5_000)),
                    < 960 => ("Sent", null, (long)random.Next(60_000, 900_000)),
                    < 975 => ("Failed", "chat unreachable: Forbidden: bot was blocked by the user", 0L),
                    < 985 => ("Failed", "NotSent: connection refused", 0L),
                    < 990 => ("Missed", "bot was down", 0L),
                    < 995 => ("SentUnconfirmed", "no answer within 30 s", 30_000L),
                    _ => ("Skipped", "reminder paused", 0L),
                };
                var retried = roll is >= 900 and < 960 && random.Next(3) == 0;
                var values = new object?[]
                {
                    i, Platforms[i % 2], $"chat-{i % Chats}", DateTimeOffset.FromUnixTimeMilliseconds(due).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    retried ? due + late - 1_000 : due, state, reason, state == "Skipped" ? null : due + late, retried ? due : null,
                    retried ? 1 : 0, retried ? 1 : 0, retried ? 20_000 : 0,
                };
                await RunAsync(insert, values);
            }
        }

        await using (var insert = Command(
            connection, transaction,
            "INSERT INTO question_gaps_per_chat (question, platform, chat_id, asked_count, first_asked, last_asked) VALUES ($q, $platform, $chat, $count, $first, $last)",
            "$q", "$platform", "$chat", "$count", "$first", "$last"))
        {
            for (var i = 0; i < gaps; i++)
            {
                var first = nowMs - (long)(random.NextDouble() * 60 * DayMs);
                await RunAsync(insert, [$"question number {i} about {Words[i % Words.Length]} and {Words[(i * 7) % Words.Length]}", Platforms[i % 2], i % 5 == 0 ? string.Empty : $"chat-{i % Chats}", 1 + random.Next(20), first, first + (long)(random.NextDouble() * (nowMs - first))]);
            }
        }

        await using (var insert = Command(
            connection, transaction,
            "INSERT INTO reminder_subscriptions (platform, user_id, chat_id, local_time, time_zone, state, created_at, kind) VALUES ($platform, $user, $chat, $time, $zone, $state, 0, 'Routine')",
            "$platform", "$user", "$chat", "$time", "$zone", "$state"))
        {
            var zones = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(z => z.Contains('/', StringComparison.Ordinal)).Take(40).ToArray();
            for (var i = 0; i < subscriptions; i++)
            {
                await RunAsync(insert, [Platforms[i % 2], $"user-{i}", $"chat-{i % Chats}", $"{6 + random.Next(16):00}:{random.Next(4) * 15:00}", zones[random.Next(zones.Length)], i % 10 == 0 ? "Paused" : "Active"]);
            }
        }

        await using (var insert = Command(
            connection, transaction,
            "INSERT INTO question_counts (platform, chat_id, day, kind, asked) VALUES ($platform, $chat, $day, $kind, $asked)",
            "$platform", "$chat", "$day", "$kind", "$asked"))
        {
            for (var chat = 0; chat < Chats; chat++)
            {
                for (var day = 0; day < 30; day++)
                {
                    foreach (var kind in new[] { "answer", "clarify", "not_found", "safety" })
                    {
                        await RunAsync(insert, [Platforms[chat % 2], $"chat-{chat}", (nowMs / DayMs) - day, kind, 1 + random.Next(10)]);
                    }
                }
            }
        }

        await using (var insert = Command(
            connection, transaction,
            "INSERT INTO active_members_per_day (platform, chat_id, day, members) VALUES ($platform, $chat, $day, $members)",
            "$platform", "$chat", "$day", "$members"))
        {
            for (var chat = 0; chat < Chats; chat++)
            {
                for (var day = 1; day < 30; day++)
                {
                    await RunAsync(insert, [Platforms[chat % 2], $"chat-{chat}", (nowMs / DayMs) - day, 20 + random.Next(40)]);
                }
            }
        }

        await transaction.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync();
    }

    private static readonly string[] Words = ["swelling", "compression", "sleep", "surgery", "legs", "arms", "face", "pressure", "duration", "price"];

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static async Task RunAsync(SqliteCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        await command.ExecuteNonQueryAsync();
    }
}
