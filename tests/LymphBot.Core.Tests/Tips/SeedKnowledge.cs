using LymphBot.Core.Knowledge;
using LymphBot.Testing.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LymphBot.Core.Tests.Tips;

/// <summary>A knowledge base of one entry and two seed tips, loaded once: the tip pool starts with these.</summary>
public static class SeedKnowledge
{
    public const string FirstSeed = "Breathe slowly and deeply before you start.";
    public const string SecondSeed = "Keep your touch light.";

    private static readonly Lazy<KnowledgeBase> Base = new(Load);

    public static KnowledgeBase Instance => Base.Value;

    private static KnowledgeBase Load()
    {
        // The base keeps what it read in memory, so the folder can go as soon as it is loaded.
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Combine("entries"));
        File.WriteAllText(folder.Combine("sources.md"), "# Sources\n\n## doc\n- title: Test Document\n- file: doc.txt\n- paragraphs: 2\n");
        File.WriteAllText(folder.Combine("red-flags.md"), "# Red flags\n\n## urgent: Clots\n- blood clot\n");
        File.WriteAllText(folder.Combine("synonyms.txt"), "widget, doohickey\n");
        File.WriteAllText(folder.Combine("entries", "test.md"), "# Test entries\n\n## What is a widget?\n- id: widget\n- source: doc ¶1\n\nA widget is a small test thing.\n");
        File.WriteAllText(folder.Combine("tips.md"), $"# Seed tips\n\n- id: breathe | source: doc ¶1\n  {FirstSeed}\n- id: light | source: doc ¶2\n  {SecondSeed}\n");
        return new KnowledgeBase(Options.Create(new KnowledgeOptions { Path = folder.Path }), NullLogger<KnowledgeBase>.Instance);
    }
}
