using LymphBot.Core.Knowledge;
using LymphBot.Testing.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LymphBot.Core.Tests.Knowledge;

/// <summary>The repository's own knowledge/ folder, loaded once for the ranking and safety tests.</summary>
public static class ShippedKnowledge
{
    private static readonly Lazy<KnowledgeBase> Base = new(() => Load(Folder));

    public static string Folder => Path.Combine(RepositoryPaths.Root, "knowledge");

    public static KnowledgeBase Instance => Base.Value;

    public static KnowledgeBase Load(string folder, double threshold = KnowledgeOptions.DefaultThreshold) =>
        new(Options.Create(new KnowledgeOptions { Path = folder, Threshold = threshold }), NullLogger<KnowledgeBase>.Instance);
}
