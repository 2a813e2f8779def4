using System.Text.RegularExpressions;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// The rules <c>kb check</c> enforces: unique ids, resolvable related ids and sources, non-empty answers, no
/// question shared by two entries, and answers that fit every platform's message limit.
/// </summary>
public static partial class KnowledgeValidator
{
    /// <summary>Discord's 2,000 characters is the tightest platform limit; the citation line shares it.</summary>
    public const int MaxReplyLength = 2000;

    public const int MaxIdLength = 40;

    public static IReadOnlyList<KnowledgeProblem> Validate(KnowledgeSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var problems = new List<KnowledgeProblem>();
        if (snapshot.Entries.Count == 0)
        {
            problems.Add(new KnowledgeProblem(new FilePosition(KnowledgeFileReader.EntriesFolder, 0), "no entries: add Markdown files with '## <question>' entries"));
        }

        var ids = new Dictionary<string, KnowledgeEntry>(StringComparer.Ordinal);
        foreach (var entry in snapshot.Entries)
        {
            if (!ids.TryAdd(entry.Id, entry))
            {
                problems.Add(new KnowledgeProblem(entry.Position, $"duplicate id '{entry.Id}' (first used at {ids[entry.Id].Position})"));
            }

            if (!IsId(entry.Id) || entry.Id.Length > MaxIdLength)
            {
                problems.Add(new KnowledgeProblem(entry.Position, $"id '{entry.Id}' must be lower-case kebab-case, at most {MaxIdLength} characters"));
            }
        }

        var questions = new Dictionary<string, KnowledgeEntry>(StringComparer.Ordinal);
        foreach (var entry in snapshot.Entries)
        {
            ValidateEntry(snapshot, entry, ids, problems);
            foreach (var question in entry.Phrasings.Prepend(entry.Title))
            {
                var key = QuestionText.Normalize(question);
                if (key.Length == 0)
                {
                    problems.Add(new KnowledgeProblem(entry.Position, $"entry '{entry.Id}' has an empty question"));
                }
                else if (!questions.TryAdd(key, entry))
                {
                    var other = questions[key];
                    problems.Add(new KnowledgeProblem(entry.Position, other == entry
                        ? $"entry '{entry.Id}' lists the question '{question}' twice"
                        : $"question '{question}' of '{entry.Id}' duplicates one of '{other.Id}' ({other.Position})"));
                }
            }
        }

        ValidateRoutineTexts(snapshot, snapshot.Reminders, problems);
        ValidateRoutineTexts(snapshot, snapshot.Tips, problems);
        ProgramValidator.Validate(snapshot, problems);
        foreach (var intent in snapshot.Intents.Where(i => i.Patterns.Count == 0))
        {
            problems.Add(new KnowledgeProblem(intent.Position, $"intent '{intent.Name}' has no patterns"));
        }

        foreach (var rule in snapshot.RedFlags.Where(r => r.Patterns.Count == 0))
        {
            problems.Add(new KnowledgeProblem(rule.Position, $"red-flag category '{rule.Category}' has no patterns"));
        }

        return problems;
    }

    /// <summary>The citation shown under an answer, e.g. "Lymphatic Massage: Benefits and Techniques, ¶2".</summary>
    public static string Citation(KnowledgeSnapshot snapshot, IReadOnlyList<SourceReference> sources)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(sources);
        return string.Join("; ", sources.Select(s =>
        {
            var title = snapshot.FindSource(s.DocumentId)?.Title ?? s.DocumentId;
            return s.Paragraphs.Count == 0 ? title : title + ", " + string.Join(", ", s.Paragraphs.Select(p => "¶" + p));
        }));
    }

    private static void ValidateEntry(KnowledgeSnapshot snapshot, KnowledgeEntry entry, Dictionary<string, KnowledgeEntry> ids, List<KnowledgeProblem> problems)
    {
        if (entry.Title.Length == 0)
        {
            problems.Add(new KnowledgeProblem(entry.Position, $"entry '{entry.Id}' has no question in its heading"));
        }

        if (string.IsNullOrWhiteSpace(entry.Answer))
        {
            problems.Add(new KnowledgeProblem(entry.Position, $"entry '{entry.Id}' has an empty answer (write it after one blank line)"));
        }

        foreach (var intent in entry.Intents.Where(i => !snapshot.Intents.Any(d => d.Name == i)))
        {
            problems.Add(new KnowledgeProblem(entry.Position, $"entry '{entry.Id}' declares intent '{intent}', which {KnowledgeFileReader.IntentsFile} does not define"));
        }

        foreach (var related in entry.Related)
        {
            if (related == entry.Id)
            {
                problems.Add(new KnowledgeProblem(entry.Position, $"entry '{entry.Id}' lists itself as related"));
            }
            else if (!ids.ContainsKey(related))
            {
                problems.Add(new KnowledgeProblem(entry.Position, $"entry '{entry.Id}' relates to unknown id '{related}'"));
            }
        }

        if (entry.Sources.Count == 0)
        {
            problems.Add(new KnowledgeProblem(entry.Position, $"entry '{entry.Id}' has no '- source:' line; every answer cites its document"));
        }

        foreach (var source in entry.Sources)
        {
            ValidateSource(snapshot, source, entry.Position, $"entry '{entry.Id}'", problems);
        }

        var length = entry.Answer.Length + "\n\nSource: ".Length + Citation(snapshot, entry.Sources).Length;
        if (length > MaxReplyLength)
        {
            problems.Add(new KnowledgeProblem(entry.Position, $"entry '{entry.Id}' answer is {length} characters with its source; the limit is {MaxReplyLength}"));
        }
    }

    private static void ValidateRoutineTexts(KnowledgeSnapshot snapshot, IReadOnlyList<RoutineText> texts, List<KnowledgeProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (!seen.Add(text.Id))
            {
                problems.Add(new KnowledgeProblem(text.Position, $"duplicate id '{text.Id}'"));
            }

            if (string.IsNullOrWhiteSpace(text.Text) || text.Text.Length > 1000)
            {
                problems.Add(new KnowledgeProblem(text.Position, $"'{text.Id}' needs 1 to 1000 characters of text on the indented line below it"));
            }

            ValidateSource(snapshot, text.Source, text.Position, $"'{text.Id}'", problems);
        }
    }

    internal static void ValidateSource(KnowledgeSnapshot snapshot, SourceReference source, FilePosition position, string owner, List<KnowledgeProblem> problems)
    {
        var document = snapshot.FindSource(source.DocumentId);
        if (document is null)
        {
            problems.Add(new KnowledgeProblem(position, $"{owner} cites unknown document '{source.DocumentId}' (list it in {KnowledgeFileReader.SourcesFile})"));
            return;
        }

        foreach (var paragraph in source.Paragraphs.Where(p => p < 1 || p > document.ParagraphCount))
        {
            problems.Add(new KnowledgeProblem(position, $"{owner} cites ¶{paragraph} of '{document.Id}', which has {document.ParagraphCount} paragraphs"));
        }
    }

    /// <summary>Lower-case kebab-case: what entry and program ids are.</summary>
    internal static bool IsId(string id) => IdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
