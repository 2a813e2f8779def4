using LymphBot.Core.Knowledge;

namespace LymphBot.Core.Tests.Knowledge;

/// <summary><c>kb check</c> on program files: each rule on its own broken file, and the shipped programs.</summary>
public sealed class ProgramValidatorTests
{
    private const string Good = """
        # Three small days
        - id: three-days
        - about: A short course for the tests.
        - source: doc ¶1

        ## Day 1: Begin
        - source: doc ¶1

        Start gently.
        It spans two lines.

        ## Day 2: Go on
        - source: doc ¶2, ¶3

        Keep going.

        ## Day 3: Finish
        - source: doc ¶3

        Done.
        """;

    [Fact]
    public void Read_AGoodProgram_HasItsFieldsAndStepsAndNoProblems()
    {
        var (snapshot, problems) = Read(("three.md", Good));

        Assert.Empty(problems);
        var program = Assert.Single(snapshot.Programs);
        Assert.Equal(("three-days", "Three small days", "A short course for the tests.", 3), (program.Id, program.Title, program.About, program.Days));
        Assert.Equal(["Begin", "Go on", "Finish"], program.Steps.Select(s => s.Title));
        Assert.Equal("Start gently. It spans two lines.", program.Steps[0].Text);
        Assert.Equal([2, 3], program.Steps[1].Sources.Single().Paragraphs);
        Assert.Equal("programs/three.md:6", program.Steps[0].Position.ToString());
        Assert.Equal("Done.", program.StepOn(3)!.Text);
        Assert.Null(program.StepOn(4));
    }

    [Theory]
    [InlineData("- id: three-days", "- id: Three_Days", "programs/three.md:1: program id 'Three_Days' must be lower-case kebab-case, at most 24 characters")]
    [InlineData("- id: three-days", "- id: a-very-long-program-id-indeed", "programs/three.md:1: program id 'a-very-long-program-id-indeed' must be lower-case kebab-case, at most 24 characters")]
    [InlineData("- about: A short course for the tests.\n", "", "programs/three.md:1: program 'three-days' needs '- about:' with 1 to 300 characters saying what it is")]
    [InlineData("# Three small days", "# ", "programs/three.md:1: program 'three-days' needs a title of 1 to 60 characters after '# '")]
    [InlineData("## Day 2: Go on", "## Day 3: Go on", "programs/three.md:12: day 3 of 'three-days' should be day 2: days are numbered 1, 2, 3, … in order, with none left out")]
    [InlineData("## Day 3: Finish", "## Day 2: Finish", "programs/three.md:17: day 2 of 'three-days' should be day 3: days are numbered 1, 2, 3, … in order, with none left out")]
    [InlineData("- source: doc ¶2, ¶3\n", "", "programs/three.md:12: day 2 of 'three-days' has no '- source:' line; every step cites the paragraph it is written from")]
    [InlineData("- source: doc ¶2, ¶3", "- source: doc ¶2, ¶9", "programs/three.md:12: day 2 of 'three-days' cites ¶9 of 'doc', which has 3 paragraphs")]
    [InlineData("- source: doc ¶2, ¶3", "- source: elsewhere ¶1", "programs/three.md:12: day 2 of 'three-days' cites unknown document 'elsewhere' (list it in sources.md)")]
    [InlineData("- source: doc ¶2, ¶3", "- source: doc", "programs/three.md:12: day 2 of 'three-days' cites 'doc' without a paragraph (write 'doc ¶N')")]
    [InlineData("Keep going.", "", "programs/three.md:12: day 2 of 'three-days' has 0 characters of text; a step has 1 to 600, after one blank line")]
    [InlineData("## Day 2: Go on", "## Day 2:", "programs/three.md:12: day 2 of 'three-days' needs a title of 1 to 80 characters after 'Day 2:'")]
    [InlineData("## Day 2: Go on", "## The second day", "programs/three.md:12: expected '## Day N: <step title>'")]
    [InlineData("- source: doc ¶1\n\n## Day 1", "- source: doc ¶1\n- author: me\n\n## Day 1", "programs/three.md:5: unknown field 'author' (use id, about, source)")]
    [InlineData("- source: doc ¶1\n\n## Day 1", "- source: doc ¶7\n\n## Day 1", "programs/three.md:1: program 'three-days' cites ¶7 of 'doc', which has 3 paragraphs")]
    public void Validate_OneBrokenRule_ReportsItWithFileAndLine(string find, string replace, string expected)
    {
        var (_, problems) = Read(("three.md", Good.Replace(find, replace, StringComparison.Ordinal)));

        Assert.Contains(expected, problems);
    }

    [Fact]
    public void Validate_AStepLongerThanAMessageAllows_IsReported()
    {
        var (_, problems) = Read(("three.md", Good.Replace("Keep going.", new string('x', 601), StringComparison.Ordinal)));

        Assert.Contains("programs/three.md:12: day 2 of 'three-days' has 601 characters of text; a step has 1 to 600, after one blank line", problems);
    }

    [Fact]
    public void Validate_TwoFilesWithOneId_AndAFileWithNoDaysOrId_AreReported()
    {
        var (_, problems) = Read(
            ("a.md", Good),
            ("b.md", Good),
            ("c.md", "# Empty\n- id: empty\n- about: Nothing in it.\n"),
            ("d.md", "# No id\n- about: Missing its id.\n"),
            ("e.md", "Just text\n"));

        Assert.Contains("programs/b.md:1: duplicate program id 'three-days' (first used at programs/a.md:1)", problems);
        Assert.Contains("programs/c.md:1: program 'empty' has 0 days; a program has 1 to 60, each a '## Day N: <title>' section", problems);
        Assert.Contains("programs/d.md:1: program 'No id' has no '- id:' line", problems);
        Assert.Contains("programs/e.md:1: a program starts with '# <title>'", problems);
    }

    [Fact]
    public void ShippedPrograms_Gentle7_HasSevenDays_EachCitingAParagraphOfTheArticle()
    {
        var (snapshot, problems) = KnowledgeFileReader.Read(ShippedKnowledge.Folder);
        Assert.Empty(problems.Concat(KnowledgeValidator.Validate(snapshot)).Select(p => p.ToString()));

        var gentle = snapshot.FindProgram("gentle-7");
        Assert.NotNull(gentle);
        Assert.Equal(7, gentle.Days);
        Assert.All(gentle.Steps, step => Assert.Contains(step.Sources, s => s.DocumentId == "lymphatic-massage" && s.Paragraphs.Count > 0));

        // The article's own advice leads: check with a healthcare provider before starting something new (¶5).
        Assert.Contains("healthcare provider", gentle.Steps[0].Text, StringComparison.Ordinal);
    }

    private static (KnowledgeSnapshot Snapshot, List<string> Problems) Read(params (string Name, string Text)[] programs)
    {
        using var folder = new KnowledgeFolder();
        Directory.CreateDirectory(System.IO.Path.Combine(folder.Path, KnowledgeFileReader.ProgramsFolder));
        foreach (var (name, text) in programs)
        {
            folder.Write($"{KnowledgeFileReader.ProgramsFolder}/{name}", text);
        }

        var (snapshot, problems) = KnowledgeFileReader.Read(folder.Path);
        return (snapshot, [.. problems.Concat(KnowledgeValidator.Validate(snapshot)).Select(p => p.ToString())]);
    }
}
