namespace LymphBot.Core.Commands;

/// <summary>One value offered while a member types a parameter: what they see, and what the command then receives.</summary>
public sealed record ValueSuggestion(string Label, string Value);
