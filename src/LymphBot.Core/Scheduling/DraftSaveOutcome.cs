namespace LymphBot.Core.Scheduling;

public enum DraftSaveOutcome
{
    /// <summary>Active now (perhaps without the times the member already had).</summary>
    Saved,

    /// <summary>The member already has every one of its times on the same schedule; the draft is gone.</summary>
    Duplicate,

    /// <summary>It would take the member past the limit; the draft is kept, so Save works once they remove one.</summary>
    LimitReached,

    /// <summary>No such draft of this member: saved already, cancelled, expired, or someone else's.</summary>
    NotFound,

    /// <summary>An edit's draft, but the routine it was to replace is gone (removed, finished); the draft is gone too.</summary>
    RoutineGone,
}
