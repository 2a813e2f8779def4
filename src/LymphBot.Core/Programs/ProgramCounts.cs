namespace LymphBot.Core.Programs;

/// <summary>How many of a chat's members joined a program, and how their courses stand: counts only, never who.</summary>
public sealed record ProgramCounts(string ProgramId, int Joined, int Active, int Finished, int Left);
