using System.Globalization;
using System.Text.RegularExpressions;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// Reads the knowledge folder's small Markdown structure (documented in the README) into a snapshot, collecting
/// every problem with its file and line instead of stopping at the first.
/// </summary>
public static partial class KnowledgeFileReader
{
    public const string EntriesFolder = "entries";
    public const string ProgramsFolder = "programs";
    public const string SourcesFile = "sources.md";
    public const string RedFlagsFile = "red-flags.md";
    public const string SynonymsFile = "synonyms.txt";
    public const string RemindersFile = "reminders.md";
    public const string TipsFile = "tips.md";
    public const string NotCoveredFile = "not-covered.md";
    public const string IntentsFile = "intents.md";
    public const string DistinctWordsFile = "distinct-words.txt";

    public static (KnowledgeSnapshot Snapshot, IReadOnlyList<KnowledgeProblem> Problems) Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var problems = new List<KnowledgeProblem>();
        if (!Directory.Exists(folder))
        {
            problems.Add(new KnowledgeProblem(new FilePosition(folder, 0), "the knowledge folder does not exist"));
            return (KnowledgeSnapshot.Empty, problems);
        }

        var entries = new List<KnowledgeEntry>();
        var entriesFolder = Path.Combine(folder, EntriesFolder);
        if (Directory.Exists(entriesFolder))
        {
            foreach (var file in Directory.EnumerateFiles(entriesFolder, "*.md").Order(StringComparer.Ordinal))
            {
                entries.AddRange(ReadEntries(Relative(folder, file), ReadLines(file), problems));
            }
        }

        var notRedFlags = new List<string>();
        var snapshot = new KnowledgeSnapshot(
            entries,
            ReadSources(folder, problems),
            ReadRedFlags(folder, problems, notRedFlags),
            File.Exists(Path.Combine(folder, SynonymsFile)) ? File.ReadAllText(Path.Combine(folder, SynonymsFile)) : string.Empty,
            ReadRoutineTexts(folder, RemindersFile, problems),
            ReadRoutineTexts(folder, TipsFile, problems))
        {
            NotRedFlags = notRedFlags,
            NotCovered = [.. ReadPatternSections(folder, NotCoveredFile, problems).Select(s => new NotCoveredTopic(s.Heading, s.Patterns, s.Position))],
            Intents = [.. ReadPatternSections(folder, IntentsFile, problems).Select(s => new QuestionIntent(s.Heading, s.Patterns, s.Position))],
            DistinctWords = ReadDistinctWords(folder, problems),
            Programs = ReadPrograms(folder, problems),
        };
        return (snapshot, problems);
    }

    internal static List<KnowledgeEntry> ReadEntries(string file, string[] lines, List<KnowledgeProblem> problems)
    {
        var entries = new List<KnowledgeEntry>();
        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            if (!line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (line.Length > 0 && !line.StartsWith("# ", StringComparison.Ordinal))
                {
                    problems.Add(new KnowledgeProblem(new FilePosition(file, i + 1), "text outside an entry (entries start with '## <question>')"));
                }

                i++;
                continue;
            }

            var position = new FilePosition(file, i + 1);
            var title = line[3..].Trim();
            string? id = null;
            var phrasings = new List<string>();
            var related = new List<string>();
            var intents = new List<string>();
            var sources = new List<SourceReference>();
            i++;
            for (; i < lines.Length && lines[i].StartsWith("- ", StringComparison.Ordinal); i++)
            {
                var here = new FilePosition(file, i + 1);
                if (!TrySplitField(lines[i], out var key, out var value))
                {
                    problems.Add(new KnowledgeProblem(here, "expected '- key: value'"));
                    continue;
                }

                switch (key)
                {
                    case "id":
                        id = value;
                        break;
                    case "also":
                        phrasings.Add(value);
                        break;
                    case "related":
                        related.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                        break;
                    case "intent":
                        intents.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                        break;
                    case "source":
                        sources.AddRange(ParseSources(value, here, problems));
                        break;
                    default:
                        problems.Add(new KnowledgeProblem(here, $"unknown field '{key}' (use id, also, related, intent, source)"));
                        break;
                }
            }

            var answerLines = new List<string>();
            for (; i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
            {
                answerLines.Add(lines[i]);
            }

            if (id is null)
            {
                problems.Add(new KnowledgeProblem(position, $"entry '{title}' has no '- id:' line"));
                continue;
            }

            entries.Add(new KnowledgeEntry(id, title, phrasings, JoinParagraphs(answerLines), related, sources, position) { Intents = intents });
        }

        return entries;
    }

    internal static List<SourceReference> ParseSources(string value, FilePosition position, List<KnowledgeProblem> problems)
    {
        var references = new List<SourceReference>();
        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = SourcePattern().Match(part);
            if (!match.Success)
            {
                problems.Add(new KnowledgeProblem(position, $"source '{part}' is not '<document-id> ¶N[, ¶M]'"));
                continue;
            }

            var paragraphs = match.Groups["p"].Captures.Select(c => int.Parse(c.Value, CultureInfo.InvariantCulture)).ToList();
            references.Add(new SourceReference(match.Groups["doc"].Value, paragraphs));
        }

        return references;
    }

    private static List<SourceDocument> ReadSources(string folder, List<KnowledgeProblem> problems)
    {
        var path = Path.Combine(folder, SourcesFile);
        var documents = new List<SourceDocument>();
        if (!File.Exists(path))
        {
            problems.Add(new KnowledgeProblem(new FilePosition(SourcesFile, 0), "missing: list the source documents here"));
            return documents;
        }

        foreach (var (heading, position, fields) in ReadSections(SourcesFile, ReadLines(path), problems))
        {
            var paragraphs = 0;
            if (!fields.TryGetValue("paragraphs", out var count) || !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out paragraphs))
            {
                problems.Add(new KnowledgeProblem(position, $"document '{heading}' needs '- paragraphs: N'"));
            }

            if (!fields.TryGetValue("title", out var title) || title.Length == 0)
            {
                problems.Add(new KnowledgeProblem(position, $"document '{heading}' needs '- title: …'"));
                title = heading;
            }

            documents.Add(new SourceDocument(heading, title, fields.GetValueOrDefault("file", string.Empty), paragraphs, position));
        }

        return documents;
    }

    private static List<RedFlagRule> ReadRedFlags(string folder, List<KnowledgeProblem> problems, List<string> notRedFlags)
    {
        var path = Path.Combine(folder, RedFlagsFile);
        var rules = new List<RedFlagRule>();
        if (!File.Exists(path))
        {
            problems.Add(new KnowledgeProblem(new FilePosition(RedFlagsFile, 0), "missing: the red-flag list must exist"));
            return rules;
        }

        var lines = ReadLines(path);
        List<string>? patterns = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var position = new FilePosition(RedFlagsFile, i + 1);
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                var heading = line[3..];
                var colon = heading.IndexOf(':', StringComparison.Ordinal);
                var level = colon < 0 ? string.Empty : heading[..colon].Trim();
                if (level == "not")
                {
                    patterns = notRedFlags;
                    continue;
                }

                SafetyUrgency? urgency = level switch { "urgent" => SafetyUrgency.Urgent, "provider" => SafetyUrgency.Provider, _ => null };
                if (urgency is null)
                {
                    problems.Add(new KnowledgeProblem(position, "red-flag headings are '## urgent: <category>', '## provider: <category>' or '## not: <what>'"));
                    patterns = null;
                    continue;
                }

                patterns = [];
                rules.Add(new RedFlagRule(heading[(colon + 1)..].Trim(), urgency.Value, patterns, position));
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal) && patterns is not null)
            {
                var pattern = line[2..].Trim().ToLowerInvariant();
                if (ReferenceEquals(patterns, notRedFlags) ? SafetyTriage.IsValidFigure(pattern) : PhrasePattern.IsValid(pattern))
                {
                    patterns.Add(pattern);
                }
                else
                {
                    problems.Add(new KnowledgeProblem(position, $"pattern '{pattern}' {PhrasePattern.Rules}"));
                }
            }
        }

        return rules;
    }

    /// <summary>A file of <c>## heading</c> sections, each with <c>- pattern</c> lines (<c>not-covered.md</c>, <c>intents.md</c>).</summary>
    private static List<(string Heading, List<string> Patterns, FilePosition Position)> ReadPatternSections(string folder, string file, List<KnowledgeProblem> problems)
    {
        var path = Path.Combine(folder, file);
        var sections = new List<(string, List<string>, FilePosition)>();
        if (!File.Exists(path))
        {
            return sections;
        }

        List<string>? patterns = null;

        var lines = ReadLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var position = new FilePosition(file, i + 1);
            if (lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                patterns = [];
                sections.Add((lines[i][3..].Trim(), patterns, position));
            }
            else if (lines[i].StartsWith("- ", StringComparison.Ordinal) && patterns is not null)
            {
                var pattern = lines[i][2..].Trim().ToLowerInvariant();
                if (PhrasePattern.IsValid(pattern))
                {
                    patterns.Add(pattern);
                }
                else
                {
                    problems.Add(new KnowledgeProblem(position, $"pattern '{pattern}' {PhrasePattern.Rules}"));
                }
            }
        }

        return sections;
    }

    private static List<string> ReadDistinctWords(string folder, List<KnowledgeProblem> problems)
    {
        var path = Path.Combine(folder, DistinctWordsFile);
        var words = new List<string>();
        if (!File.Exists(path))
        {
            return words;
        }

        var lines = ReadLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.All(char.IsLetter))
            {
                words.Add(line.ToLowerInvariant());
            }
            else
            {
                problems.Add(new KnowledgeProblem(new FilePosition(DistinctWordsFile, i + 1), $"'{line}' is not one word of letters"));
            }
        }

        return words;
    }

    private static List<ProgramDefinition> ReadPrograms(string folder, List<KnowledgeProblem> problems)
    {
        var programsFolder = Path.Combine(folder, ProgramsFolder);
        return Directory.Exists(programsFolder)
            ? [.. Directory.EnumerateFiles(programsFolder, "*.md").Order(StringComparer.Ordinal)
                .Select(file => ProgramFileReader.Read(Relative(folder, file), ReadLines(file), problems)).OfType<ProgramDefinition>()]
            : [];
    }

    private static List<RoutineText> ReadRoutineTexts(string folder, string fileName, List<KnowledgeProblem> problems)
    {
        var path = Path.Combine(folder, fileName);
        var texts = new List<RoutineText>();
        if (!File.Exists(path))
        {
            return texts;
        }

        var lines = ReadLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("- id:", StringComparison.Ordinal))
            {
                continue;
            }

            var position = new FilePosition(fileName, i + 1);
            var parts = lines[i][2..].Split('|', StringSplitOptions.TrimEntries);
            var fields = parts.Select(p => TrySplitField("- " + p, out var k, out var v) ? (k, v) : (string.Empty, string.Empty))
                .Where(f => f.Item1.Length > 0).ToDictionary(f => f.Item1, f => f.Item2, StringComparer.Ordinal);
            var text = new List<string>();
            while (i + 1 < lines.Length && lines[i + 1].StartsWith("  ", StringComparison.Ordinal))
            {
                text.Add(lines[++i].Trim());
            }

            var sources = fields.TryGetValue("source", out var source) ? ParseSources(source, position, problems) : [];
            if (sources.Count == 0)
            {
                problems.Add(new KnowledgeProblem(position, "needs '| source: <document-id> ¶N'"));
                continue;
            }

            texts.Add(new RoutineText(fields["id"], string.Join(' ', text), sources[0], position));
        }

        return texts;
    }

    private static List<(string Heading, FilePosition Position, Dictionary<string, string> Fields)> ReadSections(
        string file, string[] lines, List<KnowledgeProblem> problems)
    {
        var sections = new List<(string, FilePosition, Dictionary<string, string>)>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                sections.Add((lines[i][3..].Trim(), new FilePosition(file, i + 1), new Dictionary<string, string>(StringComparer.Ordinal)));
            }
            else if (lines[i].StartsWith("- ", StringComparison.Ordinal) && sections.Count > 0)
            {
                if (TrySplitField(lines[i], out var key, out var value))
                {
                    sections[^1].Item3[key] = value;
                }
                else
                {
                    problems.Add(new KnowledgeProblem(new FilePosition(file, i + 1), "expected '- key: value'"));
                }
            }
        }

        return sections;
    }

    private static bool TrySplitField(string line, out string key, out string value)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon < 3)
        {
            key = value = string.Empty;
            return false;
        }

        key = line[2..colon].Trim().ToLowerInvariant();
        value = line[(colon + 1)..].Trim();
        return key.Length > 0 && !key.Contains(' ', StringComparison.Ordinal);
    }

    /// <summary>Blank lines separate paragraphs; lines within a paragraph join with a space.</summary>
    private static string JoinParagraphs(List<string> lines)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        foreach (var line in lines.Append(string.Empty))
        {
            if (line.Trim().Length == 0)
            {
                if (current.Count > 0)
                {
                    paragraphs.Add(string.Join(' ', current));
                    current.Clear();
                }
            }
            else
            {
                current.Add(line.Trim());
            }
        }

        return string.Join("\n\n", paragraphs);
    }

    private static string[] ReadLines(string path) => File.ReadAllLines(path);

    private static string Relative(string folder, string file) => Path.GetRelativePath(folder, file).Replace('\\', '/');

    [GeneratedRegex(@"^(?<doc>[a-z0-9][a-z0-9-]*)(\s+¶(?<p>\d+)(\s*,\s*¶(?<p>\d+))*)?$")]
    private static partial Regex SourcePattern();
}
