namespace LymphBot.Core.Scheduling;

/// <summary>Daily reminders. Section <c>Reminders</c>.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>An occurrence missed by less than this (bot down) is delivered late, once; older ones are recorded as missed. Default 2 hours.</summary>
    public TimeSpan MisfireGrace { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Most reminders one member may have. Default 5.</summary>
    public int MaxPerMember { get; set; } = 5;

    /// <summary>How much later a Snooze button sent before there were three to choose from (one with no minutes) delivers once more. Default 30 minutes.</summary>
    public TimeSpan SnoozeDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Attempts before a delivery that keeps failing transiently is recorded as failed. Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How many deliveries are sent at once; each platform's own pacing decides the real rate. Default 32.</summary>
    public int SendConcurrency { get; set; } = 32;

    /// <summary>A delivery claimed longer ago than this by a sender that died is sent again. Default 2 minutes.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
