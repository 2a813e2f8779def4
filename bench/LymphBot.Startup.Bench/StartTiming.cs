namespace LymphBot.Startup.Bench;

/// <summary>One start, from process start: the first 200 from <c>/readyz</c>, and three moments the host logged.</summary>
internal sealed record StartTiming(TimeSpan Ready, TimeSpan KnowledgeLoaded, TimeSpan Listening, TimeSpan Summary, IReadOnlyList<LogLine> Log);
