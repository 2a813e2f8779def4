namespace LymphBot.Discord.Wire;

internal sealed class SessionStartLimit
{
    public int Total { get; set; }

    public int Remaining { get; set; }

    public long ResetAfter { get; set; }

    public int MaxConcurrency { get; set; }
}
