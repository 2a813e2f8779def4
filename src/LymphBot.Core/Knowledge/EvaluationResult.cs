namespace LymphBot.Core.Knowledge;

public sealed record EvaluationResult(EvaluationCase Case, Answer Answer, string ReplyText, bool Passed, string? Why);
