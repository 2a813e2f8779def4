namespace LymphBot.Core.Commands;

/// <summary>One parameter of a command or subcommand, in the order the text grammar reads them.</summary>
public sealed record CommandParameter(string Name, ParameterKind Kind, string Description)
{
    /// <summary>Optional parameters come after the required ones, as Discord also demands.</summary>
    public bool Required { get; init; } = true;

    /// <summary>The words a <see cref="ParameterKind.Choice"/> accepts.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Words accepted as well as the kind's values in typed text, e.g. <c>all</c> for <c>/remind off</c>.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>The range of an <see cref="ParameterKind.Count"/> (and the floor of an <see cref="ParameterKind.Id"/>).</summary>
    public long Min { get; init; } = 1;

    public long Max { get; init; } = long.MaxValue;

    /// <summary>
    /// The <see cref="IValueSuggester.Source"/> that offers values as the member types (Discord's autocomplete):
    /// time zones for a zone unless the declaration says otherwise.
    /// </summary>
    public string? SuggestFrom
    {
        get => field ?? (Kind == ParameterKind.TimeZone ? Scheduling.TimeZoneSuggester.SourceName : null);
        init;
    }

    /// <summary>Shown in <c>/help</c> and the platforms' command sets; hidden ones are accepted in typed text only.</summary>
    public bool Advertised { get; init; } = true;

    /// <summary>Values it accepts, as a member would type them; a kind's usual ones unless the declaration names its own.</summary>
    public IReadOnlyList<string> Examples
    {
        get => field ?? Kind switch
        {
            ParameterKind.Id => ["3", .. Keywords],
            ParameterKind.Count => [Min.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            ParameterKind.TimeOfDay => ["8:00", "8:30 pm", "20:30"],
            ParameterKind.Schedule => ["8:00", "weekdays 7:30", "mon wed fri 19:00", "tomorrow 9am"],
            ParameterKind.TimeZone => ["Europe/Berlin", "America/New_York", "UTC"],
            ParameterKind.Choice => Choices,
            ParameterKind.Date => ["tomorrow", "today", "2026-12-24"],
            _ => [],
        };
        init;
    }

    /// <summary>How <c>/help</c> writes it: <c>&lt;time&gt;</c> when required, <c>[zone]</c> when not.</summary>
    public string Placeholder
    {
        get
        {
            var inner = Keywords.Count > 0 ? $"{Name}|{string.Join('|', Keywords)}" : Kind == ParameterKind.Choice ? string.Join('|', Choices) : Name;
            return Required ? $"<{inner}>" : $"[{inner}]";
        }
    }

    /// <summary>What the parameter accepts, in the words of a refusal: "a time such as 8:00, 8am or 20:30".</summary>
    public string Accepts => Kind switch
    {
        ParameterKind.Id => Keywords.Count > 0 ? $"a number such as 3, or {string.Join(" or ", Keywords)}" : "a number such as 3",
        ParameterKind.Count => Max == long.MaxValue ? $"a whole number from {Min}" : $"a whole number from {Min} to {Max}",
        ParameterKind.TimeOfDay => "a time such as 8:00, 8am, 8:30 pm or 20:30",
        ParameterKind.Schedule => "a time such as 8:00, 8am, 8:30 pm or 20:30, or a schedule such as weekdays 7:30 or every 2 days at 9:00"
            + (Keywords.Count > 0 ? $", or {string.Join(" or ", Keywords)}" : string.Empty),
        ParameterKind.TimeZone => "a time zone such as Europe/Berlin, America/New_York, Asia/Kolkata or UTC",
        ParameterKind.Choice => "one of " + string.Join(", ", Choices),
        ParameterKind.Date => "today, tomorrow or a date such as 2026-12-24",
        ParameterKind.Name => Examples.Count > 0 ? $"one word such as {Examples[0]}" : "one word of letters, digits and hyphens",
        _ => Description,
    };
}
