using LymphBot.Core.Chat;
using LymphBot.Core.Commands;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Reminders;

/// <summary>Offers the asker's own reminders, as "#3 08:00 Europe/Berlin", for the parameters that name one.</summary>
public sealed class OwnReminderSuggester(IReminderStore reminders) : IValueSuggester
{
    public const string SourceName = "own-reminders";

    public string Source => SourceName;

    public async Task<IReadOnlyList<ValueSuggestion>> SuggestAsync(IncomingMessage asker, string typed, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asker);
        ArgumentNullException.ThrowIfNull(typed);
        var mine = await reminders.ListForMemberAsync(asker.Sender.Platform, asker.Sender.UserId, cancellationToken);
        return SuggestionFilter.Matching(
            ReminderRoutines.Group(mine).Select(r => new ValueSuggestion(
                $"#{r[0].Routine} {ReminderRoutines.Slot(r)}{(r[0].State == ReminderState.Paused ? " (paused)" : string.Empty)}",
                r[0].Routine.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            typed,
            max);
    }
}
