namespace LymphBot.Core.Knowledge;

/// <summary>Where something was written, so problems can point at the exact line.</summary>
public readonly record struct FilePosition(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
