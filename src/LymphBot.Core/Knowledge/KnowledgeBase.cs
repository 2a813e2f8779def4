using LymphBot.Core.Chat;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LymphBot.Core.Knowledge;

/// <summary>
/// The loaded knowledge base: safety triage, then ranked retrieval with a confidence threshold. Reloading swaps
/// the whole snapshot and index at once; a broken edit keeps the last good base and logs exactly what is wrong.
/// </summary>
public sealed partial class KnowledgeBase : IDisposable
{
    private const int MaxSuggestions = 3;

    private readonly KnowledgeOptions _options;
    private readonly ILogger<KnowledgeBase> _logger;
    private readonly Lock _reloadGate = new();
    private volatile Loaded _current;

    public KnowledgeBase(IOptions<KnowledgeOptions> options, ILogger<KnowledgeBase> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        Folder = _options.Path ?? throw new InvalidOperationException("Knowledge:Path was not resolved.");
        var (loaded, problems) = TryLoad(Folder);
        _current = loaded ?? throw new KnowledgeLoadException(Folder, problems);
        LogLoaded(Folder, loaded.Snapshot.Entries.Count);
    }

    public string Folder { get; }

    public KnowledgeSnapshot Snapshot => _current.Snapshot;

    public double Threshold => _options.Threshold;

    /// <summary>Reads and validates the folder, and builds the index; <c>null</c> with the problems when it is broken.</summary>
    public static (Loaded? Loaded, IReadOnlyList<KnowledgeProblem> Problems) TryLoad(string folder)
    {
        var (snapshot, problems) = KnowledgeFileReader.Read(folder);
        var all = problems.Concat(KnowledgeValidator.Validate(snapshot)).ToList();
        try
        {
            _ = QuestionAnalyzer.ParseSynonyms(snapshot.Synonyms);
        }
        catch (FormatException ex)
        {
            all.Add(new KnowledgeProblem(new FilePosition(KnowledgeFileReader.SynonymsFile, 0), ex.Message));
        }

        if (all.Count > 0)
        {
            return (null, all);
        }

        var notCovered = snapshot.NotCovered.Where(t => t.Patterns.Count > 0).SelectMany(t => t.Patterns).ToList();
        return (new Loaded(snapshot, AnswerIndex.Build(snapshot), new SafetyTriage(snapshot.RedFlags), notCovered.Count > 0 ? PhrasePattern.Compile(notCovered) : null)
        {
            CentralTopics = CentralTopics(snapshot),
        }, all);
    }

    /// <summary>Loads the folder again; returns <c>false</c> and keeps the current base when the files are broken.</summary>
    public bool Reload()
    {
        lock (_reloadGate)
        {
            var (loaded, problems) = TryLoad(Folder);
            if (loaded is null)
            {
                foreach (var problem in problems)
                {
                    LogProblem(problem.ToString());
                }

                LogKeptLastGood(problems.Count, _current.Snapshot.Entries.Count);
                return false;
            }

            var previous = _current;
            _current = loaded;
            LogLoaded(Folder, loaded.Snapshot.Entries.Count);

            // Searches already running hold the old index; it is small, so the GC reclaims it rather than a dispose racing them.
            GC.KeepAlive(previous);
            return true;
        }
    }

    public Answer Ask(string question)
    {
        var loaded = _current;
        var cleaned = InputText.Clean(question);
        var corrected = loaded.Index.Corrector.Correct(cleaned);
        if (loaded.Triage.Match(cleaned, corrected) is { } redFlag)
        {
            return new Answer(AnswerKind.Safety, cleaned, null, 1) { RedFlag = redFlag };
        }

        if (loaded.NotCovered is { } notCovered && (notCovered.IsMatch(PhrasePattern.Normalize(cleaned)) || notCovered.IsMatch(PhrasePattern.Normalize(corrected))))
        {
            return new Answer(AnswerKind.NotFound, cleaned, null, 0) { Suggestions = loaded.CentralTopics };
        }

        var hits = loaded.Index.Search(corrected);
        var best = Best(hits);
        if (best is not null && best.Confidence >= _options.Threshold)
        {
            return new Answer(AnswerKind.Answer, cleaned, best.Entry, Math.Round(best.Confidence, 3));
        }

        return new Answer(AnswerKind.NotFound, cleaned, null, Math.Round(best?.Confidence ?? 0, 3))
        {
            Suggestions = Suggest(loaded, hits),
        };
    }

    public void Dispose() => _current.Index.Dispose();

    /// <summary>
    /// Rank decides, coverage can overrule it: a hit whose BM25 score is close to the top's but which covers much more
    /// of the question wins (coverage times the square root of its share of the top score).
    /// </summary>
    private static ScoredEntry? Best(IReadOnlyList<ScoredEntry> hits)
    {
        if (hits.Count == 0)
        {
            return null;
        }

        var top = hits[0].Score;
        return hits.MaxBy(h => h.Confidence * Math.Sqrt(h.Score / top));
    }

    /// <summary>Near misses first; otherwise the base's central topics.</summary>
    private static IReadOnlyList<KnowledgeEntry> Suggest(Loaded loaded, IReadOnlyList<ScoredEntry> hits)
    {
        var suggestions = hits.Where(h => h.Confidence >= 0.3).Select(h => h.Entry).Take(MaxSuggestions).ToList();
        return suggestions.Count > 0 ? suggestions : loaded.CentralTopics;
    }

    /// <summary>The entries most often linked from others: computed once per load, not per question.</summary>
    private static List<KnowledgeEntry> CentralTopics(KnowledgeSnapshot snapshot)
    {
        var links = snapshot.Entries.SelectMany(e => e.Related).GroupBy(id => id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return [.. snapshot.Entries
            .OrderByDescending(e => links.GetValueOrDefault(e.Id))
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .Take(MaxSuggestions)];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge base loaded from {Folder}: {Entries} entries")]
    private partial void LogLoaded(string folder, int entries);

    [LoggerMessage(Level = LogLevel.Error, Message = "Knowledge base problem: {Problem}")]
    private partial void LogProblem(string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Knowledge base not reloaded: {Count} problem(s); keeping the last good base ({Entries} entries)")]
    private partial void LogKeptLastGood(int count, int entries);

    public sealed record Loaded(KnowledgeSnapshot Snapshot, AnswerIndex Index, SafetyTriage Triage, System.Text.RegularExpressions.Regex? NotCovered)
    {
        public IReadOnlyList<KnowledgeEntry> CentralTopics { get; init; } = [];
    }
}
