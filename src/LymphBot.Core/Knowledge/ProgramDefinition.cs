namespace LymphBot.Core.Knowledge;

/// <summary>
/// A fixed course of days with one step a day ("7 gentle days"), authored in <c>programs/&lt;id&gt;.md</c> from the source
/// documents; members who join get that day's step daily at the time they pick.
/// </summary>
public sealed record ProgramDefinition(
    string Id,
    string Title,
    string About,
    IReadOnlyList<SourceReference> Sources,
    IReadOnlyList<ProgramStep> Steps,
    FilePosition Position)
{
    public int Days => Steps.Count;

    /// <summary>The step of day <paramref name="day"/> (from 1); <c>null</c> past the last day.</summary>
    public ProgramStep? StepOn(int day) => day >= 1 && day <= Steps.Count ? Steps[day - 1] : null;
}
