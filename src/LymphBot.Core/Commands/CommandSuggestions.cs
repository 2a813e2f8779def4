using LymphBot.Core.Chat;
using Microsoft.Extensions.Logging;

namespace LymphBot.Core.Commands;

/// <summary>
/// Autocomplete for the platforms that have it: finds the parameter a member is typing and asks its suggester.
/// Whatever goes wrong (an unknown command or parameter, a forged request, a failing store) gives no suggestions,
/// never an error: the member can still type the value, and the parser checks it when the command is sent.
/// </summary>
public sealed partial class CommandSuggestions(IEnumerable<IValueSuggester> suggesters, ILogger<CommandSuggestions> logger)
{
    /// <summary>Discord's limits: at most 25 choices, each named in at most 100 characters.</summary>
    public const int MaxSuggestions = 25;
    public const int MaxLabelLength = 100;

    // The last registered for a source wins, as with any service: a host can replace one.
    private readonly Dictionary<string, IValueSuggester> _bySource = suggesters.GroupBy(s => s.Source, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    public bool CanSuggest(CommandParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return parameter.SuggestFrom is { } source && _bySource.ContainsKey(source);
    }

    public async Task<IReadOnlyList<ValueSuggestion>> SuggestAsync(
        IncomingMessage asker, CommandSpec spec, string? subcommand, string parameterName, string typed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var parameters = subcommand is null ? spec.Parameters : spec.FindSubcommand(subcommand)?.Parameters ?? [];
        if (parameters.FirstOrDefault(p => p.Name == parameterName) is not { SuggestFrom: { } source }
            || !_bySource.TryGetValue(source, out var suggester))
        {
            return [];
        }

        try
        {
            var found = await suggester.SuggestAsync(asker, InputText.Clean(typed ?? string.Empty).Trim(), MaxSuggestions, cancellationToken);
            return [.. found.Take(MaxSuggestions).Select(s => s.Label.Length <= MaxLabelLength ? s : s with { Label = s.Label[..(MaxLabelLength - 1)] + "…" })];
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSuggestFailed(ex, source);
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Suggesting values from {Source} failed; none offered")]
    private partial void LogSuggestFailed(Exception exception, string source);
}
