namespace LymphBot.Core.Knowledge;

public enum SafetyUrgency
{
    /// <summary>Talk to a healthcare provider before anything else.</summary>
    Provider,

    /// <summary>Emergency signs: seek urgent care now.</summary>
    Urgent,
}
