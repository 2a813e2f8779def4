using System.Globalization;
using System.Text;
using LymphBot.Core.Adherence;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Scheduling;
using LymphBot.Core.Users;
using Microsoft.Extensions.Options;

namespace LymphBot.Core.Reminders;

/// <summary>
/// <c>/remind [add] &lt;time&gt; [zone]</c>, and <c>/remind edit|list|off|pause|resume|rest|nag</c> to manage them. Bare, it offers
/// common times as buttons (<see cref="ReminderPicker"/>). Its changes are the ones the buttons make too, so a
/// reminder added or paused by a button is the same as one typed.
/// </summary>
public sealed class RemindCommand(
    IReminderStore reminders,
    ISlotScheduler slots,
    IChatUserStore users,
    RemindersCommand list,
    ReminderDrafts drafts,
    IFollowUpStore followUps,
    IOutcomeStore outcomes,
    TimeProvider time,
    IOptions<ReminderOptions> options) : IChatCommand
{
    private const int MaxPauseDays = 365;

    private readonly ReminderFollowUps _followUps = new(reminders, followUps);

    private readonly ReminderEdits _edits = new(reminders, drafts, time);
    private readonly ReminderRestDays _restDays = new(reminders, outcomes, time);

    private static readonly CommandParameter Reminder = new("reminder", ParameterKind.Id, "The reminder's number, as /reminders shows it") { SuggestFrom = OwnReminderSuggester.SourceName };

    public CommandSpec Spec { get; } = new("remind", "Get a daily routine reminder at your local time")
    {
        Subcommands =
        [
            new Subcommand("add", "Add a reminder: every day at a time, or on a schedule", [
                new CommandParameter("time", ParameterKind.Schedule, "When, for example 8:00, 8:30 pm, weekdays 7:30 or tomorrow 9am"),
                new CommandParameter("zone", ParameterKind.TimeZone, "Your time zone, for example Europe/Berlin (your saved one if left out)") { Required = false },
                new CommandParameter("label", ParameterKind.Text, $"Your name for it, shown with each reminder, e.g. evening drainage (at most {ReminderLabel.MaxLength} characters)") { Required = false, Examples = ["evening drainage", "morning walk"] },
            ]),
            new Subcommand("edit", "Change a reminder's schedule, zone or label; it keeps its number", [
                Reminder,
                new CommandParameter("time", ParameterKind.Schedule, "The new schedule, e.g. 8:00 or weekdays 7:30; or the word label to change only the label") { Keywords = ["label"] },
                new CommandParameter("zone", ParameterKind.TimeZone, "A new time zone (the reminder's own if left out)") { Required = false },
                new CommandParameter("label", ParameterKind.Text, "A new label (the old one stays if left out); after the word label, off removes it") { Required = false, Examples = ["evening drainage", "morning walk"] },
            ]),
            new Subcommand("list", "List your reminders", []),
            new Subcommand("off", "Remove a reminder, or all of them", [Reminder with { Keywords = ["all"] }]),
            new Subcommand("pause", "Pause a reminder, for some days or until you resume it", [
                Reminder,
                new CommandParameter("days", ParameterKind.Count, "How many days (until you resume it if left out)") { Required = false, Max = MaxPauseDays },
            ]),
            new Subcommand("resume", "Start a paused reminder again", [Reminder]),
            new Subcommand("rest", "Plan a rest day: nothing is sent that day, and your streak holds; off cancels one", [
                Reminder,
                new CommandParameter("date", ParameterKind.Date, "today, tomorrow or a date such as 2026-12-24"),
                new CommandParameter("cancel", ParameterKind.Choice, "off cancels the rest day planned for that date") { Required = false, Choices = [ReminderRestDays.Off] },
            ]),
            new Subcommand("nag", "Repeat a reminder until you press Done, for example every 20 minutes, 3 times at most", [
                Reminder,
                new CommandParameter("repeat", ParameterKind.Text, "How often and how many times, for example 20m x3; or off") { Examples = ["20m x3", "1h x2", "off"] },
            ]),
        ],
        DefaultSubcommand = "add",
        Personal = true,
        Examples = [ReminderText.Example, "/remind 8:30 pm", "/remind weekdays 7:30", ScheduleParser.Example, "/remind every 2 days at 9:00 UTC", "/remind pause 3 7", "/remind resume 3", ReminderRestDays.Example, ReminderRestDays.CancelExample, "/remind off all", ReminderEdits.Example, ReminderEdits.LabelExample, FollowUp.Example],
    };

    public async Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var member = context.Message.Sender;
        var invocation = context.Invocation;
        return invocation.Subcommand switch
        {
            null => ReminderPicker.Times(member),
            "list" => await list.ExecuteAsync(context, cancellationToken),
            "off" => await OffAsync(member, invocation.GetKeyword("reminder") is not null ? null : invocation.GetNumber("reminder"), cancellationToken),
            "pause" => await PauseAsync(member, invocation.GetNumber("reminder")!.Value, invocation.GetNumber("days"), cancellationToken),
            "resume" => await ResumeAsync(member, invocation.GetNumber("reminder")!.Value, cancellationToken),
            "edit" => await _edits.EditAsync(member, invocation.GetNumber("reminder")!.Value, invocation, cancellationToken),
            "rest" when invocation.Has("cancel") => await _restDays.CancelAsync(member, invocation.GetNumber("reminder")!.Value, invocation.GetDate("date")!.Value, cancellationToken),
            "rest" => await _restDays.PlanAsync(member, invocation.GetNumber("reminder")!.Value, invocation.GetDate("date")!.Value, cancellationToken),
            "nag" => await _followUps.SetAsync(member, invocation.GetNumber("reminder")!.Value, invocation.GetText("repeat")!, cancellationToken),
            _ => await AddAsync(context.Message, invocation.GetSchedule("time")!, invocation.GetText("zone"), invocation.GetText("label"), cancellationToken),
        };
    }

    /// <summary>
    /// <c>/remind add</c>: previews the schedule (its next occurrences, clock-change days marked) with Save and Cancel;
    /// nothing is a reminder until Save (<see cref="ReminderDrafts"/>). Several times of day are one subscription per
    /// time, each in its own slot, carrying the schedule's days.
    /// </summary>
    private async Task<Reply> AddAsync(IncomingMessage message, ScheduleRequest request, string? zoneName, string? typedLabel, CancellationToken cancellationToken)
    {
        var (label, labelError) = ReminderLabel.Read(typedLabel);
        if (labelError is not null)
        {
            return Reply.Plain(labelError);
        }

        if (await ZoneAsync(message.Sender, zoneName, cancellationToken) is not { } zoneId)
        {
            return AskForZone;
        }

        var resolution = request.Resolve(time.GetUtcNow(), TimeZones.Find(zoneId));
        return resolution.Schedule is { } schedule
            ? await drafts.PreviewAsync(message, schedule, zoneId, label, cancellationToken)
            : Reply.Plain(resolution.Error!);
    }

    private async Task<string?> ZoneAsync(ChatUser member, string? zoneName, CancellationToken cancellationToken)
    {
        var zoneId = zoneName ?? (await users.FindAsync(member, cancellationToken))?.TimeZone;
        return zoneId is not null && TimeZones.TryFind(zoneId, out _, out zoneId) ? zoneId : null;
    }

    private static Reply AskForZone =>
        Reply.Plain($"Which time zone are you in? Send {ReminderText.Example}, or save your zone once with /timezone Europe/Berlin.");

    /// <summary>Adds a daily reminder for the sender, in this chat: the picker's last press, itself the member's confirmation.</summary>
    internal async Task<Reply> SubscribeAsync(IncomingMessage message, TimeOnly localTime, string? zoneName, CancellationToken cancellationToken)
    {
        if (await ZoneAsync(message.Sender, zoneName, cancellationToken) is not { } zoneId)
        {
            return AskForZone;
        }

        var zone = TimeZones.Find(zoneId);

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
            sb.Append("\n• ").Append(ReminderText.Occurrence(next, zoneId));
            if (DailySchedule.IsTransitionDay(date, zone))
            {
                sb.Append(" (daylight-saving change that day)");
            }
        }

        sb.Append("\nSend /reminders to see or change your reminders.");
        return new Reply(sb.ToString());
    }

    /// <summary>Removes one routine (all its times), or every one of the member's when <paramref name="id"/> is <c>null</c> (<c>/remind off all</c>).</summary>
    internal async Task<Reply> OffAsync(ChatUser member, long? id, CancellationToken cancellationToken)
    {
        var mine = await reminders.ListForMemberAsync(member.Platform, member.UserId, cancellationToken);
        if (id is null)
        {
            foreach (var reminder in mine)
            {
                await reminders.DeleteAsync(reminder.Id, cancellationToken);
            }

            var count = ReminderRoutines.Group(mine).Count;
            return Reply.Plain(count == 0 ? "You have no reminders." : $"Removed all {count} of your reminders.");
        }

        if (ReminderRoutines.Of(mine, id.Value) is not [var first, ..] routine)
        {
            return NotYours(id.Value);
        }

        foreach (var reminder in routine)
        {
            await reminders.DeleteAsync(reminder.Id, cancellationToken);
        }

        return Reply.Plain($"Removed reminder #{first.Routine} ({ReminderRoutines.Slot(routine)}).");
    }

    internal async Task<Reply> PauseAsync(ChatUser member, long id, long? days, CancellationToken cancellationToken)
    {
        if (ReminderRoutines.Of(await reminders.ListForMemberAsync(member.Platform, member.UserId, cancellationToken), id) is not [var first, ..] routine)
        {
            return NotYours(id);
        }

        var until = days is null ? (DateTimeOffset?)null : time.GetUtcNow().AddDays(days.Value);
        foreach (var reminder in routine)
        {
            await reminders.UpdateStateAsync(reminder.Id, ReminderState.Paused, until, days is null ? "paused by you" : $"paused by you for {days} day(s)", cancellationToken);
        }

        return Reply.Plain(days is null
            ? $"Paused reminder #{first.Routine}. Send /remind resume {first.Routine} to start it again."
            : $"Paused reminder #{first.Routine} for {days} day(s); it starts again by itself after that.");
    }

    internal async Task<Reply> ResumeAsync(ChatUser member, long id, CancellationToken cancellationToken)
    {
        if (ReminderRoutines.Of(await reminders.ListForMemberAsync(member.Platform, member.UserId, cancellationToken), id) is not [var first, ..] routine)
        {
            return NotYours(id);
        }

        foreach (var reminder in routine)
        {
            await reminders.UpdateStateAsync(reminder.Id, ReminderState.Active, null, null, cancellationToken);
            await slots.EnsureSlotAsync(reminder.TimeZone, reminder.LocalTime, cancellationToken);
        }

        var schedule = ReminderRoutines.Schedule(routine);
        var when = schedule.IsPlainDaily ? $"every day at {ReminderRoutines.Slot(routine)}" : $"{SchedulePreview.Describe(schedule)} ({first.TimeZone})";
        return Reply.Plain($"Reminder #{first.Routine} is on again: {when}.");
    }

    private static Reply NotYours(long id) =>
        Reply.Refusal($"You have no reminder #{id}. Send /reminders to see yours and their ids.");
}
