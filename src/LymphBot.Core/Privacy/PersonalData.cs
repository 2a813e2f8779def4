using LymphBot.Core.Adherence;
using LymphBot.Core.Scheduling;

namespace LymphBot.Core.Privacy;

/// <summary>What the bot stores about one member.</summary>
public sealed record PersonalData(
    bool Known, string? TimeZone, DateTimeOffset? FirstSeen, IReadOnlyList<string> Reminders, int Suggestions, int ModeratorActions, int AnswerRatings)
{
    /// <summary>Of <see cref="AnswerRatings"/>, the 👎 kept with the question they were about.</summary>
    public int RatedQuestions { get; init; }

    /// <summary>Every stored outcome of their routines (removed ones too), rest days planned ahead among them, oldest first.</summary>
    public IReadOnlyList<OutcomeRecord> Outcomes { get; init; } = [];

    /// <summary>Their weekly recap (<c>/progress weekly on</c>), if they set one.</summary>
    public ReminderSubscription? WeeklyRecap { get; init; }

    /// <summary>The programs joined, one line each (<see cref="Programs.ProgramText.Record"/>), newest first.</summary>
    public IReadOnlyList<string> Programs { get; init; } = [];
}
