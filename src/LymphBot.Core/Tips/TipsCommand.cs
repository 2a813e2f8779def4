using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Moderation;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Tips;

/// <summary><c>/tips daily &lt;time&gt; [zone]</c> and <c>/tips off</c>: a tip of the day in this group, through the reminders machinery.</summary>
public sealed class TipsCommand(IReminderStore reminders, ISlotScheduler slots, ModeratorGate gate, TimeProvider time) : IChatCommand
{
    public string Name => "tips";

    public string Usage => "/tips daily <time> [zone] | off";

    public string Description => "Moderators: post a tip of the day in this chat on a schedule";

    public IReadOnlyList<string> Examples => ["/tips daily 9:00 Europe/Berlin", "/tips off"];

    public CommandAudience Audience => CommandAudience.Moderators;

    public async Task<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        if (await gate.RefuseUnlessModeratorAsync(message, "tips", context.Arguments, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var existing = await reminders.FindTipOfTheDayAsync(message.Chat, cancellationToken);
        Reply reply;
        switch (context.Words)
        {
            case ["off"]:
                if (existing is not null)
                {
                    await reminders.DeleteAsync(existing.Id, cancellationToken);
                }

                reply = Reply.Plain(existing is null ? "This chat has no tip of the day." : "The tip of the day is off in this chat.");
                break;
            case ["daily", var timeText]:
                reply = await ScheduleAsync(message, existing, timeText, "UTC", cancellationToken);
                break;
            case ["daily", var timeText, var zoneText]:
                reply = await ScheduleAsync(message, existing, timeText, zoneText, cancellationToken);
                break;
            case []:
                reply = Reply.Plain(existing is null
                    ? "No tip of the day here yet. Set one with /tips daily 9:00 Europe/Berlin."
                    : $"Tip of the day: every day at {ReminderTime.FormatSlot(existing.LocalTime, existing.TimeZone)}" +
                      (existing.State == ReminderState.Paused ? $" (paused: {existing.PauseReason})" : string.Empty) + ". /tips off stops it.");
                break;
            default:
                reply = Reply.Refusal("Usage: /tips daily <time> [zone], e.g. /tips daily 9:00 Europe/Berlin, or /tips off.");
                break;
        }

        await gate.RecordAsync(message, "tips", context.Arguments, allowed: true, cancellationToken);
        return reply;
    }

    private async Task<Reply> ScheduleAsync(IncomingMessage message, ReminderSubscription? existing, string timeText, string zoneText, CancellationToken cancellationToken)
    {
        if (!ReminderTime.TryParse(timeText, out var localTime))
        {
            return Reply.Refusal($"I couldn't read \"{timeText}\" as a time. Try /tips daily 9:00 Europe/Berlin.");
        }

        if (!TimeZones.TryFind(zoneText, out _, out var zoneId))
        {
            return Reply.Refusal($"I don't know the time zone \"{zoneText}\". Try /tips daily 9:00 Europe/Berlin.");
        }

        if (existing is not null)
        {
            await reminders.DeleteAsync(existing.Id, cancellationToken);
        }

        await reminders.AddAsync(
            new ReminderSubscription(0, message.Sender, message.Chat, localTime, zoneId, ReminderState.Active, time.GetUtcNow()) { Kind = ReminderKind.TipOfTheDay },
            cancellationToken);
        await slots.EnsureSlotAsync(zoneId, localTime, cancellationToken);
        return Reply.Plain($"A tip of the day will be posted here every day at {ReminderTime.FormatSlot(localTime, zoneId)}.");
    }
}
