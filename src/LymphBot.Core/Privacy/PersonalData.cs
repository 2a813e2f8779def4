namespace LymphBot.Core.Privacy;

/// <summary>What the bot stores about one member.</summary>
public sealed record PersonalData(
    bool Known, string? TimeZone, DateTimeOffset? FirstSeen, IReadOnlyList<string> Reminders, int Suggestions, int ModeratorActions, int AnswerRatings)
{
    /// <summary>Of <see cref="AnswerRatings"/>, the 👎 kept with the question they were about.</summary>
    public int RatedQuestions { get; init; }
}
