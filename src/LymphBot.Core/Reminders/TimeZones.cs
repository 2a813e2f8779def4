namespace LymphBot.Core.Reminders;

/// <summary>IANA time zones by name, case-insensitively, plus <c>UTC</c> and <c>GMT</c>.</summary>
public static class TimeZones
{
    private static readonly Lazy<Dictionary<string, string>> Names = new(LoadNames);

    private static Dictionary<string, string> LoadNames()
    {
        // Unsorted: sorting orders by display name, which asks ICU for all 400+ names (about 450 ms on Linux, paid at
        // the first lookup, i.e. during start-up when reminders exist); the set of ids is the same.
        var names = TimeZoneInfo.GetSystemTimeZones(skipSorting: true)
            .Select(z => z.Id)
            .Concat(["UTC", "Etc/UTC", "GMT", "Etc/GMT"])
            .Where(id => id.Contains('/', StringComparison.Ordinal) || id is "UTC" or "GMT")
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(id => id, id => id, StringComparer.OrdinalIgnoreCase);

        // Listing the zones left every one of them, with its transition rules, in the runtime's cache (about 3 MiB for
        // the life of the process). Only the names are needed here; the zones members use are loaded one by one.
        TimeZoneInfo.ClearCachedData();
        return names;
    }

    /// <summary>Finds a zone; <paramref name="id"/> is its canonical spelling (e.g. <c>Europe/Berlin</c>).</summary>
    public static bool TryFind(string name, out TimeZoneInfo zone, out string id)
    {
        ArgumentNullException.ThrowIfNull(name);
        zone = TimeZoneInfo.Utc;
        id = "UTC";
        var trimmed = name.Trim();
        if (trimmed.Length == 0 || trimmed.Length > 64)
        {
            return false;
        }

        if (trimmed.Equals("UTC", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("GMT", StringComparison.OrdinalIgnoreCase))
        {
            id = trimmed.ToUpperInvariant();
            return true;
        }

        if (!Names.Value.TryGetValue(trimmed, out var canonical))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(canonical);
            id = canonical;
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
    }

    public static TimeZoneInfo Find(string id) =>
        TryFind(id, out var zone, out _) ? zone : throw new TimeZoneNotFoundException($"Unknown time zone '{id}'.");
}
