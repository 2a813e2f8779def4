namespace LymphBot.Core.Tips;

public enum TipStatus
{
    /// <summary>In the pool: listed, posted, rotated into the tip of the day.</summary>
    Approved,

    /// <summary>Suggested by a member, waiting for a moderator.</summary>
    Pending,
    Rejected,
}
