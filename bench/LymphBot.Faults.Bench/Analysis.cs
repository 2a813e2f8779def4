using System.Diagnostics;
using System.Globalization;

namespace LymphBot.Faults.Bench;

/// <summary>Reads the run's figures off the stand-in's record and the bot's outbox, each against its target.</summary>
internal static class Analysis
{
    public static FaultReport Report(BurstRecord record, IReadOnlyList<OutboxRow> outbox, IReadOnlyList<OutboxRow> atKill, IReadOnlyList<string> chats, long killedAt, int cap, int inFlight, DateTimeOffset due)
    {
        var report = new FaultReport();
        var copies = record.Copies();
        int ChatsWith(Func<int, bool> count) => chats.Count(c => count(copies.GetValueOrDefault(c)));
        string Seconds(long ticks) => (TimeProvider.System.GetUtcNow() - Stopwatch.GetElapsedTime(ticks) - due).TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture);

        report.Add("reminders due", chats.Count, "daily, one private chat each, all in the same minute");
        report.Add("sendMessage calls", record.Sends.Count, $"{record.FirstRunSends:N0} by the first run, the rest by the second");
        report.Add("- answered 200", record.Clean);
        report.Add("- 200 the client cannot read", record.Answered(200), $"{FaultPlan.UnreadableSuccesses:P0} of calls; posted");
        report.Add("- 500", record.Answered(500), $"{FaultPlan.InternalErrors:P0} of calls");
        report.Add("- 429 retry_after", record.Answered(429), $"{FaultPlan.RateLimits:P0} of calls, retry_after {FaultPlan.RetryAfterSeconds} s");
        report.Add("- 502 (outage)", record.Answered(502), $"every call {FaultPlan.BadGatewayFrom.TotalSeconds:0}-{(FaultPlan.BadGatewayFrom + FaultPlan.BadGatewayFor).TotalSeconds:0} s into the burst");
        report.Add("- connection refused (outage)", $"{FaultPlan.RefusedFor.TotalSeconds:0} s", $"stand-in stopped {FaultPlan.RefusedFrom.TotalSeconds:0}-{(FaultPlan.RefusedFrom + FaultPlan.RefusedFor).TotalSeconds:0} s into the burst; such calls never reach it");
        report.Add("- hung, no answer", record.Answered(0), "second run's calls " + string.Join(", ", FaultPlan.HangingCalls) + "; counted as posted; the client gives up after Telegram:RequestTimeout");

        report.Add("chats with 0 copies", ChatsWith(n => n == 0), "target 0 (or a recorded reason, below)");
        report.Add("chats with 1 copy", ChatsWith(n => n == 1));
        report.Add("chats with 2+ copies", ChatsWith(n => n >= 2));
        foreach (var (cause, count) in record.DuplicateCauses())
        {
            var target = cause == BurstRecord.AcrossKill ? $"target <= {inFlight} (Reminders:SendConcurrency)" : "target 0";
            report.Add($"duplicates {cause}", count, target);
        }

        // Posted by the first run, but the first run had not recorded it yet: what the kill can make the restart repeat.
        var recordedAtKill = atKill.Where(r => r.State is not ("Pending" or "Sending")).Select(r => r.ChatId).ToHashSet(StringComparer.Ordinal);
        var postedUnrecorded = record.Sends.Where(s => s.Posted && s.ReceivedTicks < killedAt && !recordedAtKill.Contains(s.ChatId ?? "")).Select(s => s.ChatId).Distinct().Count();
        report.Add("at the kill: posted, not yet recorded", postedUnrecorded, "in flight when the process died");
        report.Add("at the kill: outbox", ByState(atKill), $"{ChatsAt(record, killedAt)} chats had a copy");
        report.Add("at the end: outbox", ByState(outbox));

        report.Add("max sendMessage calls in a sliding 1 s", record.MaxInWindow(TimeSpan.FromSeconds(1)), $"cap {cap} (Telegram:MessagesPerSecond)");
        report.Add("max posted copies in a sliding 1 s", record.MaxInWindow(TimeSpan.FromSeconds(1), postedOnly: true), $"cap {cap}");
        report.Add("shortest gap between two calls to one chat", record.MinChatGap() is { } gap ? $"{gap.TotalSeconds:0.000} s" : "-", "Telegram: about 1 per second per chat");
        if (record.Sends.Count > 0)
        {
            report.Add("first / last call after the due minute", $"{Seconds(record.Sends[0].ReceivedTicks)} / {Seconds(record.Sends[^1].ReceivedTicks)}", $"the kill at {Seconds(killedAt)}");
            report.Add("longest time without a call", $"{record.LongestSilence().TotalSeconds:0.0} s", "while reminders were due: an outage, the restart, or a stall");
            report.Note($"sendMessage calls in each second from the first: {string.Join(' ', record.PerSecond(record.Sends[0].ReceivedTicks))}");
        }

        foreach (var group in outbox.Where(r => r.State != "Sent").GroupBy(r => (r.State, Reason: Shorten(r.Reason))).OrderByDescending(g => g.Count()))
        {
            var posted = group.Count(r => copies.GetValueOrDefault(r.ChatId) > 0);
            report.Note($"{group.Count()} {group.Key.State} ({group.Key.Reason}); the stand-in posted a copy to {posted} of these chats");
        }

        foreach (var row in outbox.Where(r => copies.GetValueOrDefault(r.ChatId) == 0))
        {
            report.Note($"chat {row.ChatId} got no copy: {row.State} after {row.Attempts} attempt(s) ({Shorten(row.Reason)})");
        }

        var sentUnposted = outbox.Count(r => r.State == "Sent" && copies.GetValueOrDefault(r.ChatId) == 0);
        report.Note($"{sentUnposted} occurrence(s) recorded Sent without a copy posted (target 0); {chats.Count - outbox.Count} without an outbox row (target 0)");
        return report;
    }

    private static int ChatsAt(BurstRecord record, long ticks) =>
        record.Sends.Where(s => s.Posted && s.ReceivedTicks < ticks).Select(s => s.ChatId).Distinct().Count();

    private static string ByState(IEnumerable<OutboxRow> rows) =>
        string.Join(", ", rows.GroupBy(r => r.State).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));

    private static string Shorten(string? reason) =>
        reason is null ? "no reason" : reason.Length > 90 ? reason[..90] + "…" : reason;
}
