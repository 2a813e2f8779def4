namespace LymphBot.Core.Scheduling;

/// <summary>A word of typed schedule text: as typed, folded for matching, and where it is in the text.</summary>
internal sealed record ScheduleToken(string Text, string Word, int Index)
{
    public int End => Index + Text.Length;
}
