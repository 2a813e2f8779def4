namespace LymphBot.Core.Knowledge;

/// <summary>Something wrong in the knowledge files, with the file and line to fix.</summary>
public sealed record KnowledgeProblem(FilePosition Position, string Message)
{
    public override string ToString() => $"{Position}: {Message}";
}
