namespace LymphBot.Core.Knowledge;

/// <summary>
/// What <c>kb check</c> demands of programs: an id that fits in a button, a title and a line saying what it is, days
/// numbered 1, 2, 3, … in order, and steps that each cite an existing paragraph of a source document and fit in one
/// message with room for the reminder's heading and buttons.
/// </summary>
public static class ProgramValidator
{
    /// <summary>An id travels in button data (Telegram's 64 bytes) with a member tag, a time and a zone.</summary>
    public const int MaxIdLength = 24;

    public const int MaxTitleLength = 60;

    public const int MaxAboutLength = 300;

    public const int MaxStepTitleLength = 80;

    public const int MaxStepLength = 600;

    public const int MaxDays = 60;

    public static void Validate(KnowledgeSnapshot snapshot, List<KnowledgeProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(problems);
        var ids = new Dictionary<string, ProgramDefinition>(StringComparer.Ordinal);
        foreach (var program in snapshot.Programs)
        {
            var owner = $"program '{program.Id}'";
            if (!ids.TryAdd(program.Id, program))
            {
                problems.Add(new KnowledgeProblem(program.Position, $"duplicate program id '{program.Id}' (first used at {ids[program.Id].Position})"));
            }

            if (!KnowledgeValidator.IsId(program.Id) || program.Id.Length > MaxIdLength)
            {
                problems.Add(new KnowledgeProblem(program.Position, $"program id '{program.Id}' must be lower-case kebab-case, at most {MaxIdLength} characters"));
            }

            if (program.Title.Length is 0 or > MaxTitleLength)
            {
                problems.Add(new KnowledgeProblem(program.Position, $"{owner} needs a title of 1 to {MaxTitleLength} characters after '# '"));
            }

            if (program.About.Length is 0 or > MaxAboutLength)
            {
                problems.Add(new KnowledgeProblem(program.Position, $"{owner} needs '- about:' with 1 to {MaxAboutLength} characters saying what it is"));
            }

            foreach (var source in program.Sources)
            {
                KnowledgeValidator.ValidateSource(snapshot, source, program.Position, owner, problems);
            }

            if (program.Days is 0 or > MaxDays)
            {
                problems.Add(new KnowledgeProblem(program.Position, $"{owner} has {program.Days} days; a program has 1 to {MaxDays}, each a '## Day N: <title>' section"));
            }

            for (var i = 0; i < program.Steps.Count; i++)
            {
                ValidateStep(snapshot, program, program.Steps[i], i + 1, problems);
            }
        }
    }

    private static void ValidateStep(KnowledgeSnapshot snapshot, ProgramDefinition program, ProgramStep step, int expectedDay, List<KnowledgeProblem> problems)
    {
        var owner = $"day {step.Day} of '{program.Id}'";
        if (step.Day != expectedDay)
        {
            problems.Add(new KnowledgeProblem(step.Position, $"{owner} should be day {expectedDay}: days are numbered 1, 2, 3, … in order, with none left out"));
        }

        if (step.Title.Length is 0 or > MaxStepTitleLength)
        {
            problems.Add(new KnowledgeProblem(step.Position, $"{owner} needs a title of 1 to {MaxStepTitleLength} characters after 'Day {step.Day}:'"));
        }

        if (step.Text.Length is 0 or > MaxStepLength)
        {
            problems.Add(new KnowledgeProblem(step.Position, $"{owner} has {step.Text.Length} characters of text; a step has 1 to {MaxStepLength}, after one blank line"));
        }

        if (step.Sources.Count == 0)
        {
            problems.Add(new KnowledgeProblem(step.Position, $"{owner} has no '- source:' line; every step cites the paragraph it is written from"));
        }

        foreach (var source in step.Sources)
        {
            if (source.Paragraphs.Count == 0)
            {
                problems.Add(new KnowledgeProblem(step.Position, $"{owner} cites '{source.DocumentId}' without a paragraph (write '{source.DocumentId} ¶N')"));
            }

            KnowledgeValidator.ValidateSource(snapshot, source, step.Position, owner, problems);
        }
    }
}
