namespace LymphBot.Dashboard;

/// <summary>How many deliveries failed for one kind of reason (the platform's detail left out: it is not needed to act).</summary>
public sealed record FailureCount(string Reason, long Count);
