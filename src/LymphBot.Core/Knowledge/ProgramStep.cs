namespace LymphBot.Core.Knowledge;

/// <summary>One day of a program: a short title, the step in a few sentences, and the paragraphs it is written from.</summary>
public sealed record ProgramStep(int Day, string Title, string Text, IReadOnlyList<SourceReference> Sources, FilePosition Position);
