namespace LymphBot.Core.Scheduling;

/// <summary>
/// IANA time zones by name, case-insensitively, plus <c>UTC</c> and <c>GMT</c>. Backward-compatible names
/// (<c>US/Eastern</c>, <c>Asia/Calcutta</c>) are accepted and answered with the canonical zone they link to, from a
/// table carried in the assembly: the runtime lists only canonical zones, and newer systems ship the old names in an
/// optional package (Debian's tzdata-legacy), if at all.
/// </summary>
public static class TimeZones
{
    private static readonly Lazy<Dictionary<string, string>> Names = new(LoadNames);
    private static readonly Lazy<Dictionary<string, string>> Links = new(LoadLinks);

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

    private static Dictionary<string, string> LoadLinks()
    {
        using var stream = typeof(TimeZones).Assembly.GetManifestResourceStream("LymphBot.Core.Scheduling.TimeZoneLinks.txt")
            ?? throw new InvalidOperationException("The time zone link table is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var links = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#' && line.Split(' ') is [var alias, var canonical])
            {
                links[alias] = canonical;
            }
        }

        return links;
    }

    /// <summary>The canonical names (and UTC), for offering zones as a member types.</summary>
    public static IReadOnlyCollection<string> CanonicalNames => Names.Value.Values;

    /// <summary>
    /// Finds a zone; <paramref name="id"/> is its canonical spelling (e.g. <c>Europe/Berlin</c>, and <c>Asia/Kolkata</c>
    /// for <c>Asia/Calcutta</c>), which is what should be stored.
    /// </summary>
    public static bool TryFind(string name, out TimeZoneInfo zone, out string id)
    {
        ArgumentNullException.ThrowIfNull(name);
        zone = TimeZoneInfo.Utc;
        id = "UTC";

        // Full-width letters and punctuation (Ｅｕｒｏｐｅ／Ｂｅｒｌｉｎ) are the same name.
        var trimmed = name.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        if (trimmed.Length == 0 || trimmed.Length > 64)
        {
            return false;
        }

        if (trimmed.Equals("UTC", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("GMT", StringComparison.OrdinalIgnoreCase))
        {
            id = trimmed.ToUpperInvariant();
            return true;
        }

        if (!Names.Value.TryGetValue(trimmed, out var canonical)
            && !(Links.Value.TryGetValue(trimmed, out var linked) && Names.Value.TryGetValue(linked, out canonical)))
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
