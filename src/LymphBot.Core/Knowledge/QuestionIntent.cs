namespace LymphBot.Core.Knowledge;

/// <summary>
/// A form of question from <c>knowledge/intents.md</c> ("what is it used for", "what does it mean"), with the patterns
/// that recognise it; entries declare the forms they answer with <c>- intent:</c>.
/// </summary>
public sealed record QuestionIntent(string Name, IReadOnlyList<string> Patterns, FilePosition Position);
