namespace LymphBot.Core.Knowledge;

/// <summary>
/// <c>lymphbot kb export</c>: writes moderator-approved phrasings into their entries' files as <c>- also:</c> lines,
/// so the maintainers' copy of the base catches up with what the database added. Phrasings already there are skipped.
/// </summary>
public static class KnowledgeExport
{
    /// <summary>Adds the phrasings to the entry files under <paramref name="folder"/>; returns the file and count per file changed.</summary>
    public static IReadOnlyList<(string File, int Added)> Write(string folder, IReadOnlyList<SuggestedPhrasing> approved)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(approved);
        var (snapshot, _) = KnowledgeFileReader.Read(folder);
        var additions = new List<(KnowledgeEntry Entry, List<string> Phrasings)>();
        foreach (var group in approved.GroupBy(p => p.EntryId, StringComparer.Ordinal))
        {
            if (snapshot.Find(group.Key) is not { } entry)
            {
                continue;
            }

            var known = entry.Phrasings.Append(entry.Title).Select(q => QuestionText.Normalize(q)).ToHashSet(StringComparer.Ordinal);
            var phrasings = group.Select(p => QuestionText.Normalize(p.Question)).Where(p => p.Length > 0 && known.Add(p)).ToList();
            if (phrasings.Count > 0)
            {
                additions.Add((entry, phrasings));
            }
        }

        var changed = new List<(string, int)>();
        foreach (var file in additions.GroupBy(a => a.Entry.Position.File, StringComparer.Ordinal))
        {
            var path = Path.Combine(folder, file.Key);
            var lines = File.ReadAllLines(path).ToList();

            // Bottom-up, so inserting lines never moves an entry still to be handled.
            foreach (var (entry, phrasings) in file.OrderByDescending(a => a.Entry.Position.Line))
            {
                lines.InsertRange(InsertionIndex(lines, entry.Position.Line), phrasings.Select(p => "- also: " + p));
            }

            File.WriteAllLines(path, lines);
            changed.Add((file.Key, file.Sum(a => a.Phrasings.Count)));
        }

        return changed;
    }

    /// <summary>After the entry's last <c>- also:</c> line, or after its <c>- id:</c> line when it has none.</summary>
    private static int InsertionIndex(List<string> lines, int headingLine)
    {
        var index = headingLine;
        var after = headingLine;
        for (; index < lines.Count && lines[index].StartsWith("- ", StringComparison.Ordinal); index++)
        {
            if (lines[index].StartsWith("- also:", StringComparison.Ordinal) || lines[index].StartsWith("- id:", StringComparison.Ordinal))
            {
                after = index + 1;
            }
        }

        return after;
    }
}
