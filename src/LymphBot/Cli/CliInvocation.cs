namespace LymphBot.Cli;

/// <summary>A parsed command line: the verb, its own arguments, and <c>--Section:Key=value</c> configuration overrides.</summary>
public sealed record CliInvocation(CliVerb Verb, IReadOnlyList<string> Arguments, IReadOnlyList<string> ConfigurationArguments)
{
    /// <summary>Set when the command line is wrong; the host prints it and exits with code 2.</summary>
    public string? Error { get; init; }

    public bool HasFlag(string flag) => Arguments.Contains(flag, StringComparer.Ordinal);

    public IReadOnlyList<string> Positional => [.. Arguments.Where(a => !a.StartsWith("--", StringComparison.Ordinal))];
}
