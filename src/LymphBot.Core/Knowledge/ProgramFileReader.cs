using System.Globalization;
using System.Text.RegularExpressions;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// Reads one program file: <c># title</c>, then <c>- id:</c>, <c>- about:</c> and <c>- source:</c>, then one
/// <c>## Day N: step title</c> section per day with its <c>- source:</c> line and, after a blank line, the step.
/// What is wrong is collected with its line; the rules on what is read are <see cref="ProgramValidator"/>'s.
/// </summary>
public static partial class ProgramFileReader
{
    public static ProgramDefinition? Read(string file, string[] lines, List<KnowledgeProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(problems);
        var i = 0;
        while (i < lines.Length && lines[i].Trim().Length == 0)
        {
            i++;
        }

        var start = new FilePosition(file, i + 1);
        if (i == lines.Length || !lines[i].StartsWith("# ", StringComparison.Ordinal))
        {
            problems.Add(new KnowledgeProblem(start, "a program starts with '# <title>'"));
            return null;
        }

        var title = lines[i++][2..].Trim();
        var fields = ReadFields(file, lines, ref i, ["id", "about", "source"], problems);
        var steps = new List<ProgramStep>();
        while (i < lines.Length)
        {
            var line = lines[i];
            var position = new FilePosition(file, i + 1);
            i++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (DayHeading().Match(line) is not { Success: true } heading)
            {
                problems.Add(new KnowledgeProblem(position, "expected '## Day N: <step title>'"));
                continue;
            }

            var stepFields = ReadFields(file, lines, ref i, ["source"], problems);
            var text = new List<string>();
            for (; i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
            {
                if (lines[i].Trim().Length > 0)
                {
                    text.Add(lines[i].Trim());
                }
            }

            steps.Add(new ProgramStep(
                int.Parse(heading.Groups["day"].Value, NumberStyles.None, CultureInfo.InvariantCulture),
                heading.Groups["title"].Value.Trim(),
                string.Join(' ', text),
                Sources(stepFields, problems),
                position));
        }

        if (!fields.TryGetValue("id", out var id))
        {
            problems.Add(new KnowledgeProblem(start, $"program '{title}' has no '- id:' line"));
            return null;
        }

        return new ProgramDefinition(id.Value, title, fields.TryGetValue("about", out var about) ? about.Value : string.Empty, Sources(fields, problems), steps, start);
    }

    private static Dictionary<string, (string Value, FilePosition Position)> ReadFields(
        string file, string[] lines, ref int i, string[] known, List<KnowledgeProblem> problems)
    {
        var fields = new Dictionary<string, (string, FilePosition)>(StringComparer.Ordinal);
        for (; i < lines.Length && lines[i].StartsWith("- ", StringComparison.Ordinal); i++)
        {
            var position = new FilePosition(file, i + 1);
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            var key = colon < 3 ? string.Empty : lines[i][2..colon].Trim().ToLowerInvariant();
            if (!known.Contains(key))
            {
                problems.Add(new KnowledgeProblem(position, $"unknown field '{key}' (use {string.Join(", ", known)})"));
                continue;
            }

            fields[key] = (lines[i][(colon + 1)..].Trim(), position);
        }

        return fields;
    }

    private static List<SourceReference> Sources(Dictionary<string, (string Value, FilePosition Position)> fields, List<KnowledgeProblem> problems) =>
        fields.TryGetValue("source", out var source) ? KnowledgeFileReader.ParseSources(source.Value, source.Position, problems) : [];

    [GeneratedRegex(@"^## Day (?<day>\d{1,3}):(?<title>.*)$")]
    private static partial Regex DayHeading();
}
