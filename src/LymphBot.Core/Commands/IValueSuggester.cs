using LymphBot.Core.Chat;

namespace LymphBot.Core.Commands;

/// <summary>Offers values for the parameters that name it in <see cref="CommandParameter.SuggestFrom"/> (a member's reminders, a chat's tips).</summary>
public interface IValueSuggester
{
    /// <summary>The name parameters refer to it by.</summary>
    string Source { get; }

    /// <summary>At most <paramref name="max"/> values matching what <paramref name="asker"/> has typed so far, best first.</summary>
    Task<IReadOnlyList<ValueSuggestion>> SuggestAsync(IncomingMessage asker, string typed, int max, CancellationToken cancellationToken);
}
