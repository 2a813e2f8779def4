using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Moderation;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Tips;

/// <summary><c>/tips daily &lt;time&gt; [zone]</c> and <c>/tips off</c>: a tip of the day in this group, through the reminders machinery.</summary>
public sealed class TipsCommand(IReminderStore reminders, ISlotScheduler slots, ModeratorGate gate, TimeProvider time) : IChatCommand
{
    public CommandSpec Spec { get; } = new("tips", "Moderators: post a tip of the day in this chat on a schedule")
    {
        Subcommands =
        [
            new Subcommand("daily", "Post a tip of the day here at a time of day", [
                new CommandParameter("time", ParameterKind.TimeOfDay, "When, for example 9:00"),
                new CommandParameter("zone", ParameterKind.TimeZone, "The time zone, for example Europe/Berlin (UTC if left out)") { Required = false },
            ]),
            new Subcommand("off", "Stop the tip of the day here", []),
        ],
        Audience = CommandAudience.Moderators,
        Examples = ["/tips daily 9:00 Europe/Berlin", "/tips off"],
    };

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
        var invocation = context.Invocation;
        switch (invocation.Subcommand)
        {
            case "off":
                if (existing is not null)
                {
                    await reminders.DeleteAsync(existing.Id, cancellationToken);
                }

                reply = Reply.Plain(existing is null ? "This chat has no tip of the day." : "The tip of the day is off in this chat.");
                break;
            case "daily":
                reply = await ScheduleAsync(message, existing, invocation.GetTime("time")!.Value, invocation.GetText("zone") ?? "UTC", cancellationToken);
                break;
            default:
                reply = Reply.Plain(existing is null
                    ? "No tip of the day here yet. Set one with /tips daily 9:00 Europe/Berlin."
                    : $"Tip of the day: every day at {ReminderTime.FormatSlot(existing.LocalTime, existing.TimeZone)}" +
                      (existing.State == ReminderState.Paused ? $" (paused: {existing.PauseReason})" : string.Empty) + ". /tips off stops it.");
                break;
        }

        await gate.RecordAsync(message, "tips", context.Arguments, allowed: true, cancellationToken);
        return reply;
    }

    private async Task<Reply> ScheduleAsync(IncomingMessage message, ReminderSubscription? existing, TimeOnly localTime, string zoneId, CancellationToken cancellationToken)
    {
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
