using System.Globalization;
using LymphBot.Core.Chat;
using LymphBot.Core.Commands;

namespace LymphBot.Core.Scheduling;

/// <summary>
/// Offers IANA zones as a member types: "berl" finds Europe/Berlin and "new y" America/New_York (the city part first,
/// then any part of the name), each labelled with its offset now; with nothing typed, the most asked-for zones.
/// </summary>
public sealed class TimeZoneSuggester(TimeProvider time) : IValueSuggester
{
    public const string SourceName = "time-zones";

    private static readonly string[] Common =
    [
        "Europe/London", "Europe/Berlin", "Europe/Paris", "America/New_York", "America/Chicago", "America/Denver",
        "America/Los_Angeles", "America/Sao_Paulo", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney", "UTC",
    ];

    public string Source => SourceName;

    public Task<IReadOnlyList<ValueSuggestion>> SuggestAsync(IncomingMessage asker, string typed, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var wanted = typed.Trim().Replace(' ', '_');
        var names = wanted.Length == 0
            ? Common.AsEnumerable()
            : TimeZones.CanonicalNames
                .Select(name => (name, rank: Rank(name, wanted)))
                .Where(x => x.rank < 3)
                .OrderBy(x => x.rank).ThenBy(x => x.name, StringComparer.Ordinal)
                .Select(x => x.name);
        IReadOnlyList<ValueSuggestion> found = [.. names.Take(max).Select(Label)];
        return Task.FromResult(found);
    }

    /// <summary>0: the city starts with it; 1: some part of the name does; 2: the name contains it; 3: no match.</summary>
    private static int Rank(string name, string wanted)
    {
        var city = name[(name.LastIndexOf('/') + 1)..];
        if (city.StartsWith(wanted, StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        if (name.Split('/').Any(part => part.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)))
        {
            return 1;
        }

        return name.Contains(wanted, StringComparison.OrdinalIgnoreCase) ? 2 : 3;
    }

    private ValueSuggestion Label(string name)
    {
        if (!TimeZones.TryFind(name, out var zone, out var id))
        {
            return new ValueSuggestion(name, name);
        }

        var offset = zone.GetUtcOffset(time.GetUtcNow());
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return new ValueSuggestion(string.Create(CultureInfo.InvariantCulture, $"{id} (UTC{sign}{offset.Duration():hh\\:mm})"), id);
    }
}
