namespace LymphBot.Core.Knowledge;

/// <summary>The knowledge base could not be loaded at start; the message lists the problems with file and line.</summary>
public sealed class KnowledgeLoadException : Exception
{
    public KnowledgeLoadException()
    {
    }

    public KnowledgeLoadException(string message)
        : base(message)
    {
    }

    public KnowledgeLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KnowledgeLoadException(string folder, IReadOnlyList<KnowledgeProblem> problems)
        : base($"the knowledge base in {folder} has {problems.Count} problem(s): " + string.Join("; ", problems.Take(5)))
    {
        Problems = problems;
    }

    public IReadOnlyList<KnowledgeProblem> Problems { get; } = [];
}
