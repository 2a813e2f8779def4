namespace LymphBot.Core.Knowledge;

/// <summary>
/// One line of a question set: the question, the expected kind (<c>answer</c>, <c>safety</c>, <c>not_found</c>,
/// or two joined by <c>_or_</c>), and keywords of which the reply must contain at least one.
/// </summary>
public sealed record EvaluationCase(string Question, IReadOnlyList<string> ExpectedKinds, IReadOnlyList<string> Keywords, int Line);
