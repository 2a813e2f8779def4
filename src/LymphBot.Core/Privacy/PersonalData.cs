namespace LymphBot.Core.Privacy;

/// <summary>What the bot stores about one member.</summary>
public sealed record PersonalData(
    bool Known, string? TimeZone, DateTimeOffset? FirstSeen, IReadOnlyList<string> Reminders, int Suggestions, int ModeratorActions, int AnswerRatings)
{
    /// <summary>The programs joined, one line each (<see cref="Programs.ProgramText.Record"/>), newest first.</summary>
    public IReadOnlyList<string> Programs { get; init; } = [];
}
