namespace LymphBot.Core.Knowledge;

/// <summary>The knowledge base. Section <c>Knowledge</c>.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";
    public const double DefaultThreshold = 0.40;
    public const double DefaultClarifyBand = 0.15;

    /// <summary>
    /// The knowledge folder. Unset (the default): the <c>knowledge/</c> of the source checkout when run from one
    /// (so edits reload live), otherwise the copy beside the binaries (publish output, container).
    /// </summary>
    public string? Path { get; set; }

    /// <summary>Minimum confidence (0–1) for an answer; below it the bot says it does not know. Calibrated on the development set.</summary>
    public double Threshold { get; set; } = DefaultThreshold;

    /// <summary>
    /// How far under <see cref="Threshold"/> the bot asks "Did you mean…?" with candidate questions as buttons instead
    /// of saying it does not know. 0 turns it off.
    /// </summary>
    public double ClarifyBand { get; set; } = DefaultClarifyBand;

    /// <summary>How long file changes must settle before a reload, so an editor's save-in-several-writes reloads once.</summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
