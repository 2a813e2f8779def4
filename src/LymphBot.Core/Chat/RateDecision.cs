namespace LymphBot.Core.Chat;

public enum RateDecision
{
    Allowed,

    /// <summary>Over the limit: reply once with a polite notice.</summary>
    Notice,

    /// <summary>Still over the limit after the notice: say nothing.</summary>
    Silent,
}
