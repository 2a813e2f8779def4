using LymphBot.Testing.TestSupport;

namespace LymphBot.Core.Tests.Knowledge;

/// <summary>A small knowledge folder of the tests' own, written file by file.</summary>
public sealed class KnowledgeFolder : IDisposable
{
    public const string Sources = """
        # Sources

        ## doc
        - title: Test Document
        - file: doc.txt
        - paragraphs: 3
        """;

    public const string RedFlags = """
        # Red flags

        ## urgent: Clots
        - blood clot
        - clot*

        ## provider: Pregnancy
        - pregnan*
        """;

    public const string Entries = """
        # Test entries

        ## What is a widget?
        - id: widget
        - also: tell me about widgets
        - related: gadget
        - source: doc ¶1

        A widget is a small **test** thing.
        It spans two lines.

        Second paragraph.

        ## What is a gadget?
        - id: gadget
        - also: explain gadgets
        - source: doc ¶2, ¶3

        A gadget is another test thing.
        """;

    private readonly TempDirectory _folder = new();

    public KnowledgeFolder(string? entries = Entries, string? sources = Sources, string? redFlags = RedFlags)
    {
        Directory.CreateDirectory(_folder.Combine("entries"));
        Write("entries/test.md", entries);
        Write("sources.md", sources);
        Write("red-flags.md", redFlags);
        Write("synonyms.txt", "widget, doohickey\n");
    }

    public string Path => _folder.Path;

    public void Write(string relative, string? text)
    {
        if (text is not null)
        {
            File.WriteAllText(_folder.Combine(relative.Split('/')), text.ReplaceLineEndings("\n") + "\n");
        }
    }

    public void Dispose() => _folder.Dispose();
}
