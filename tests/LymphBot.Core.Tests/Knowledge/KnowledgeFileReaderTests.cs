using LymphBot.Core.Knowledge;

namespace LymphBot.Core.Tests.Knowledge;

public sealed class KnowledgeFileReaderTests
{
    [Fact]
    public void Read_WellFormedFolder_ParsesEntriesSourcesAndRedFlags()
    {
        using var folder = new KnowledgeFolder();

        var (snapshot, problems) = KnowledgeFileReader.Read(folder.Path);

        Assert.Empty(problems);
        Assert.Empty(KnowledgeValidator.Validate(snapshot));
        var widget = snapshot.Find("widget")!;
        Assert.Equal("What is a widget?", widget.Title);
        Assert.Equal(["tell me about widgets"], widget.Phrasings);
        Assert.Equal(["gadget"], widget.Related);
        Assert.Equal("A widget is a small **test** thing. It spans two lines.\n\nSecond paragraph.", widget.Answer);
        Assert.Equal(new FilePosition("entries/test.md", 3), widget.Position);
        Assert.Equal([2, 3], snapshot.Find("gadget")!.Sources.Single().Paragraphs);
        Assert.Equal(new SourceDocument("doc", "Test Document", "doc.txt", 3, new FilePosition("sources.md", 3)), Assert.Single(snapshot.Sources));
        Assert.Equal([SafetyUrgency.Urgent, SafetyUrgency.Provider], snapshot.RedFlags.Select(r => r.Urgency));
        Assert.Equal(["blood clot", "clot*"], snapshot.RedFlags[0].Patterns);
    }

    [Fact]
    public void Read_MalformedLines_ReportsFileAndLine()
    {
        using var folder = new KnowledgeFolder(entries: """
            stray text
            ## No id here
            - also: something

            Answer.

            ## Bad fields
            - id: bad
            - colour: blue
            - source: doc paragraph one

            Answer.
            """);

        var (_, problems) = KnowledgeFileReader.Read(folder.Path);

        Assert.Equal(
            [
                "entries/test.md:1: text outside an entry (entries start with '## <question>')",
                "entries/test.md:2: entry 'No id here' has no '- id:' line",
                "entries/test.md:9: unknown field 'colour' (use id, also, related, intent, source)",
                "entries/test.md:10: source 'doc paragraph one' is not '<document-id> ¶N[, ¶M]'",
            ],
            problems.OrderBy(p => p.Position.Line).Select(p => p.ToString()));
    }

    [Fact]
    public void Read_MissingFolder_IsAProblemNotAnException()
    {
        var (snapshot, problems) = KnowledgeFileReader.Read("/nonexistent/knowledge");

        Assert.Same(KnowledgeSnapshot.Empty, snapshot);
        Assert.Contains("does not exist", Assert.Single(problems).Message, StringComparison.Ordinal);
    }
}
