namespace LymphBot.Core.Commands;

/// <summary>
/// A command as parsed against its <see cref="CommandSpec"/>: the subcommand and each parameter's value, already
/// checked and in canonical form (a zone's IANA name, a time of day), so commands do not parse text themselves.
/// </summary>
public sealed class CommandInvocation
{
    private readonly Dictionary<string, object> _values;

    public CommandInvocation(string? subcommand, IReadOnlyDictionary<string, object> values, string text)
    {
        ArgumentNullException.ThrowIfNull(values);
        Subcommand = subcommand;
        _values = new Dictionary<string, object>(values, StringComparer.Ordinal);
        Text = text;
    }

    /// <summary>The subcommand, or <c>null</c> when the command was sent bare (or has none).</summary>
    public string? Subcommand { get; }

    /// <summary>The arguments as typed, for the audit log.</summary>
    public string Text { get; }

    /// <summary><c>true</c> when nothing at all followed the command.</summary>
    public bool IsBare => Subcommand is null && _values.Count == 0;

    public bool Has(string parameter) => _values.ContainsKey(parameter);

    public string? GetText(string parameter) => _values.GetValueOrDefault(parameter) as string;

    public long? GetNumber(string parameter) => _values.GetValueOrDefault(parameter) as long?;

    public TimeOnly? GetTime(string parameter) => _values.GetValueOrDefault(parameter) as TimeOnly?;

    /// <summary>A <see cref="ParameterKind.Schedule"/> as typed; it meets the member's zone and clock in the command.</summary>
    public Scheduling.ScheduleRequest? GetSchedule(string parameter) => _values.GetValueOrDefault(parameter) as Scheduling.ScheduleRequest;

    /// <summary>A <see cref="ParameterKind.Date"/> as typed (<c>tomorrow</c> stays relative until the command knows the zone's today).</summary>
    public Scheduling.ScheduleDate? GetDate(string parameter) => _values.GetValueOrDefault(parameter) as Scheduling.ScheduleDate?;

    /// <summary>A keyword given instead of a value, such as <c>all</c>; <c>null</c> otherwise.</summary>
    public string? GetKeyword(string parameter) => _values.GetValueOrDefault(parameter) is Keyword k ? k.Word : null;

    /// <summary>Marks a keyword among the values, so it is never mistaken for text.</summary>
    internal sealed record Keyword(string Word);
}
