using LymphBot.Core.Knowledge;
using LymphBot.Testing.TestSupport;

namespace LymphBot.Core.Tests.Knowledge;

public sealed class KnowledgeValidatorTests
{
    [Fact]
    public void Validate_BrokenEntries_ReportsEachProblemPrecisely()
    {
        using var folder = new KnowledgeFolder(entries: $"""
            ## What is a widget?
            - id: widget
            - related: nowhere, widget
            - source: doc ¶7

            A widget.

            ## Tell me about widgets?
            - id: widget
            - source: missing-doc ¶1

            Duplicate id.

            ## Explain things
            - id: other
            - also: what is a WIDGET
            - source: doc ¶1

            ## Too long
            - id: Too_Long
            - source: doc ¶1

            {new string('x', 2100)}
            """);
        var (snapshot, _) = KnowledgeFileReader.Read(folder.Path);

        var problems = KnowledgeValidator.Validate(snapshot).Select(p => p.ToString()).ToList();

        Assert.Contains("entries/test.md:8: duplicate id 'widget' (first used at entries/test.md:1)", problems);
        Assert.Contains("entries/test.md:1: entry 'widget' relates to unknown id 'nowhere'", problems);
        Assert.Contains("entries/test.md:1: entry 'widget' lists itself as related", problems);
        Assert.Contains("entries/test.md:1: entry 'widget' cites ¶7 of 'doc', which has 3 paragraphs", problems);
        Assert.Contains("entries/test.md:8: entry 'widget' cites unknown document 'missing-doc' (list it in sources.md)", problems);
        Assert.Contains("entries/test.md:14: entry 'other' has an empty answer (write it after one blank line)", problems);
        Assert.Contains("entries/test.md:14: question 'what is a WIDGET' of 'other' duplicates one of 'widget' (entries/test.md:1)", problems);
        Assert.Contains(problems, p => p.StartsWith("entries/test.md:19: entry 'Too_Long' answer is", StringComparison.Ordinal) && p.EndsWith("the limit is 2000", StringComparison.Ordinal));
        Assert.Contains("entries/test.md:19: id 'Too_Long' must be lower-case kebab-case, at most 40 characters", problems);
    }

    [Fact]
    public void Validate_EntryDeclaringAnUndefinedIntent_ReportsIt()
    {
        using var folder = new KnowledgeFolder(entries: """
            ## What is a widget good for?
            - id: widget
            - intent: benefits, purpose
            - source: doc ¶1

            Widgets.
            """);
        folder.Write(KnowledgeFileReader.IntentsFile, """
            ## benefits
            - good for

            ## purpose
            """);
        var (snapshot, _) = KnowledgeFileReader.Read(folder.Path);

        var problems = KnowledgeValidator.Validate(snapshot).Select(p => p.ToString()).ToList();

        Assert.Equal(["widget"], snapshot.Entries.Select(e => e.Id));
        Assert.Equal(["benefits", "purpose"], snapshot.Entries[0].Intents);
        Assert.Contains("intents.md:4: intent 'purpose' has no patterns", problems);
        Assert.DoesNotContain(problems, p => p.Contains("declares intent 'benefits'", StringComparison.Ordinal));

        folder.Write(KnowledgeFileReader.IntentsFile, "## benefits\n- good for\n");
        (snapshot, _) = KnowledgeFileReader.Read(folder.Path);
        Assert.Contains("entries/test.md:1: entry 'widget' declares intent 'purpose', which intents.md does not define", KnowledgeValidator.Validate(snapshot).Select(p => p.ToString()));
    }

    [Fact]
    public void Validate_ShippedKnowledgeBase_HasNoProblems()
    {
        var (snapshot, problems) = KnowledgeFileReader.Read(ShippedKnowledge.Folder);

        Assert.Empty(problems.Concat(KnowledgeValidator.Validate(snapshot)).Select(p => p.ToString()));
        Assert.True(snapshot.Entries.Count >= 30);
        Assert.NotEmpty(snapshot.Reminders);
        Assert.NotEmpty(snapshot.Tips);
    }

    [SkippableFact]
    public void ShippedSources_MatchTheDocumentsParagraphs()
    {
        var seeds = TestEnvironment.RequireShared("seeds");
        var (snapshot, _) = KnowledgeFileReader.Read(ShippedKnowledge.Folder);

        foreach (var source in snapshot.Sources.Where(s => s.ParagraphCount > 0))
        {
            var lines = File.ReadAllLines(Path.Combine(seeds, source.File)).Where(l => l.Trim().Length > 0).ToList();
            Assert.Equal(source.Title, lines[0].Trim());

            // Content paragraphs end in sentence punctuation; the article's trailing empty headings do not.
            var paragraphs = lines.Skip(1).Count(l => l.TrimEnd().EndsWith('.'));
            Assert.Equal(source.ParagraphCount, paragraphs);
        }
    }
}
