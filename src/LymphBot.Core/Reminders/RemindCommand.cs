using System.Globalization;
using System.Text;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Scheduling;
using LymphBot.Core.Users;
using Microsoft.Extensions.Options;

namespace LymphBot.Core.Reminders;

/// <summary><c>/remind &lt;time&gt; [zone]</c>, and <c>/remind off|pause|resume</c> to manage them.</summary>
public sealed class RemindCommand(
    IReminderStore reminders,
    ISlotScheduler slots,
    IChatUserStore users,
    TimeProvider time,
    IOptions<ReminderOptions> options) : IChatCommand
{
    private const int MaxPauseDays = 365;

    public string Name => "remind";

    public string Usage => "/remind <time> [zone] | off <id|all> | pause <id> [days] | resume <id>";

    public string Description => "Get a daily routine reminder at your local time";

    public IReadOnlyList<string> Examples =>
        [ReminderText.Example, "/remind 8:30 pm", "/remind 20:30 UTC", "/remind pause 3 7", "/remind resume 3", "/remind off all"];

    public async Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var member = context.Message.Sender;
        return context.Words switch
        {
            [] => Reply.Plain($"Tell me when, for example {ReminderText.Example} or /remind 8am. Send /reminders to see yours."),
            ["off", var which] => await OffAsync(member, which, cancellationToken),
            ["pause", var id] => await PauseAsync(member, id, null, cancellationToken),
            ["pause", var id, var days] => await PauseAsync(member, id, days, cancellationToken),
            ["resume", var id] => await ResumeAsync(member, id, cancellationToken),
            ["off" or "pause" or "resume", ..] => Reply.Refusal("Usage: /remind off <id|all>, /remind pause <id> [days], /remind resume <id>. Send /reminders for the ids."),
            _ => await SubscribeAsync(context.Message, context.Words, cancellationToken),
        };
    }

    private async Task<Reply> SubscribeAsync(IncomingMessage message, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        // "8:30 pm Europe/Berlin": the time may be two words.
        var timeWords = words.Count > 1 && words[1].TrimEnd('.').ToLowerInvariant() is "am" or "pm" or "a.m" or "p.m" ? 2 : 1;
        var timeText = string.Join(' ', words.Take(timeWords));
        if (!ReminderTime.TryParse(timeText, out var localTime))
        {
            return Reply.Refusal($"I couldn't read \"{Shorten(timeText)}\" as a time. Try {ReminderText.Example}, /remind 8am or /remind 20:30 UTC.");
        }

        if (words.Count > timeWords + 1)
        {
            return Reply.Refusal($"That's more than a time and a zone. Try {ReminderText.Example}.");
        }

        string zoneId;
        TimeZoneInfo zone;
        if (words.Count == timeWords + 1)
        {
            if (!TimeZones.TryFind(words[timeWords], out zone, out zoneId))
            {
                return Reply.Refusal($"I don't know the time zone \"{Shorten(words[timeWords])}\". Use a name like Europe/Berlin, America/New_York or UTC, for example {ReminderText.Example}.");
            }
        }
        else
        {
            var saved = (await users.FindAsync(message.Sender, cancellationToken))?.TimeZone;
            if (saved is null || !TimeZones.TryFind(saved, out zone, out zoneId))
            {
                return Reply.Plain($"Which time zone are you in? Send {ReminderText.Example}, or save your zone once with /timezone Europe/Berlin.");
            }
        }

        var now = time.GetUtcNow();
        await users.EnsureAsync(message.Sender, now, cancellationToken);
        var result = await reminders.AddRoutineAsync(
            new ReminderSubscription(0, message.Sender, message.Chat, localTime, zoneId, ReminderState.Active, now), options.Value.MaxPerMember, cancellationToken);
        switch (result)
        {
            case { Outcome: ReminderAddOutcome.Duplicate, Subscription: { } same }:
                return Reply.Plain($"You already have reminder #{same.Id} at {ReminderTime.FormatSlot(localTime, zoneId)}. Nothing changed.");
            case { Outcome: ReminderAddOutcome.LimitReached }:
                return Reply.Refusal(
                    $"You already have {result.MemberCount} reminders, the most I keep for one member (in all chats together). " +
                    "Send /reminders to see them, and remove one with /remind off <id> first.");
        }

        var added = result.Subscription!;
        await slots.EnsureSlotAsync(zoneId, localTime, cancellationToken);

        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Done! Reminder #{added.Id}: every day at **{ReminderTime.FormatSlot(localTime, zoneId)}**.\nNext:");
        foreach (var next in DailySchedule.Next(now, localTime, zone, 3))
        {
            var date = DailySchedule.LocalDate(next, zone);
            sb.Append("\n• ").Append(ReminderText.When(next, zone));
            if (DailySchedule.IsTransitionDay(date, zone))
            {
                sb.Append(" (daylight-saving change that day)");
            }
        }

        sb.Append("\nSend /reminders to see or change your reminders.");
        return new Reply(sb.ToString());
    }

    private async Task<Reply> OffAsync(ChatUser member, string which, CancellationToken cancellationToken)
    {
        var mine = await reminders.ListForMemberAsync(member.Platform, member.UserId, cancellationToken);
        if (which.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var reminder in mine)
            {
                await reminders.DeleteAsync(reminder.Id, cancellationToken);
            }

            return Reply.Plain(mine.Count == 0 ? "You have no reminders." : $"Removed all {mine.Count} of your reminders.");
        }

        if (Own(mine, which) is not { } target)
        {
            return NotYours(which);
        }

        await reminders.DeleteAsync(target.Id, cancellationToken);
        return Reply.Plain($"Removed reminder #{target.Id} ({ReminderTime.FormatSlot(target.LocalTime, target.TimeZone)}).");
    }

    private async Task<Reply> PauseAsync(ChatUser member, string which, string? daysText, CancellationToken cancellationToken)
    {
        if (Own(await reminders.ListForMemberAsync(member.Platform, member.UserId, cancellationToken), which) is not { } target)
        {
            return NotYours(which);
        }

        if (daysText is null)
        {
            await reminders.UpdateStateAsync(target.Id, ReminderState.Paused, null, "paused by you", cancellationToken);
            return Reply.Plain($"Paused reminder #{target.Id}. Send /remind resume {target.Id} to start it again.");
        }

        if (!InputText.TryReadNumber(daysText, out var days) || days is < 1 or > MaxPauseDays)
        {
            return Reply.Refusal($"Pause for a number of days from 1 to {MaxPauseDays}, for example /remind pause {target.Id} 7.");
        }

        var until = time.GetUtcNow().AddDays(days);
        await reminders.UpdateStateAsync(target.Id, ReminderState.Paused, until, $"paused by you for {days} day(s)", cancellationToken);
        return Reply.Plain($"Paused reminder #{target.Id} for {days} day(s); it starts again by itself after that.");
    }

    private async Task<Reply> ResumeAsync(ChatUser member, string which, CancellationToken cancellationToken)
    {
        if (Own(await reminders.ListForMemberAsync(member.Platform, member.UserId, cancellationToken), which) is not { } target)
        {
            return NotYours(which);
        }

        await reminders.UpdateStateAsync(target.Id, ReminderState.Active, null, null, cancellationToken);
        await slots.EnsureSlotAsync(target.TimeZone, target.LocalTime, cancellationToken);
        return Reply.Plain($"Reminder #{target.Id} is on again: every day at {ReminderTime.FormatSlot(target.LocalTime, target.TimeZone)}.");
    }

    private static ReminderSubscription? Own(IReadOnlyList<ReminderSubscription> mine, string id) =>
        InputText.TryReadNumber(id, out var n) ? mine.FirstOrDefault(r => r.Id == n) : null;

    private static Reply NotYours(string id) =>
        Reply.Refusal($"You have no reminder #{Shorten(id)}. Send /reminders to see yours and their ids.");

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
