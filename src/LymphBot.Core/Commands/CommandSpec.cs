namespace LymphBot.Core.Commands;

/// <summary>
/// A command's declaration: its subcommands or parameters, typed, with who may run it. The text parser, <c>/help</c>,
/// Telegram's command menus and Discord's command set are all generated from it, so they cannot drift apart.
/// </summary>
public sealed record CommandSpec(string Name, string Description)
{
    /// <summary>Parameters of a command without subcommands.</summary>
    public IReadOnlyList<CommandParameter> Parameters { get; init; } = [];

    public IReadOnlyList<Subcommand> Subcommands { get; init; } = [];

    /// <summary>The subcommand typed text means when its first word names none, e.g. <c>/remind 8:00</c> is <c>/remind add 8:00</c>.</summary>
    public string? DefaultSubcommand { get; init; }

    public CommandAudience Audience { get; init; } = CommandAudience.Everyone;

    /// <summary>Replies are about the asker (their reminders, their data): shown only to them where the platform can.</summary>
    public bool Personal { get; init; }

    /// <summary>Shown by <c>/help name</c>.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    public Subcommand? FindSubcommand(string name) =>
        Subcommands.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Who may run the invocation: the subcommand's audience when it names one.</summary>
    public CommandAudience AudienceOf(string? subcommand) =>
        (subcommand is null ? null : FindSubcommand(subcommand)?.Audience) ?? Audience;

    /// <summary>One grammar line per form, e.g. <c>/remind pause &lt;reminder&gt; [days]</c>.</summary>
    public IReadOnlyList<string> UsageLines =>
        Subcommands.Count == 0
            ? [Line($"/{Name}", Parameters)]
            : [.. Subcommands.Select(s => Line($"/{Name} {s.Name}", s.Parameters))];

    /// <summary>The grammar on one line, as the short list of <c>/help</c> shows it.</summary>
    public string Usage =>
        Subcommands.Count == 0 ? UsageLines[0] : $"/{Name} {string.Join('|', Subcommands.Select(s => s.Name))}";

    private static string Line(string head, IReadOnlyList<CommandParameter> parameters) =>
        parameters.Any(p => p.Advertised) ? $"{head} {string.Join(' ', parameters.Where(p => p.Advertised).Select(p => p.Placeholder))}" : head;
}
