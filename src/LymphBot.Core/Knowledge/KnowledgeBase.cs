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

    // Two entries are "close" when the second ranks within this share of the first...
    private const double CloseRank = 0.9;

    // ... and the first covers no more than this share of the question.
    private const double SplitCoverage = 0.6;

    // How much more of the question an entry must cover when it leaves out a word the base has never seen.
    private const double UnknownSubjectMargin = 0.1;

    // Below this share of the question, the nearest entry has too little in common with it to be "related".
    private const double RelatedFloor = 0.25;

    private readonly KnowledgeOptions _options;
    private readonly ILogger<KnowledgeBase> _logger;
    private readonly Lock _reloadGate = new();
    private volatile Loaded _current;
    private IReadOnlyList<SuggestedPhrasing> _approved = [];

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
    public static (Loaded? Loaded, IReadOnlyList<KnowledgeProblem> Problems) TryLoad(string folder) => TryLoad(folder, []);

    private static (Loaded? Loaded, IReadOnlyList<KnowledgeProblem> Problems) TryLoad(string folder, IReadOnlyList<SuggestedPhrasing> approved)
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

        return all.Count > 0 ? (null, all) : (Build(snapshot, approved), all);
    }

    /// <summary>The files' base plus the phrasings moderators approved, indexed together.</summary>
    private static Loaded Build(KnowledgeSnapshot files, IReadOnlyList<SuggestedPhrasing> approved)
    {
        var byEntry = approved.GroupBy(p => p.EntryId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Question).ToList(), StringComparer.Ordinal);
        var snapshot = byEntry.Count == 0 ? files : files with
        {
            Entries = [.. files.Entries.Select(e => byEntry.TryGetValue(e.Id, out var extra)
                ? e with { Phrasings = [.. e.Phrasings.Concat(extra.Where(x => !e.Phrasings.Contains(x, StringComparer.OrdinalIgnoreCase))).Distinct(StringComparer.OrdinalIgnoreCase)] }
                : e)],
        };
        return new Loaded(files, snapshot, AnswerIndex.Build(snapshot), new SafetyTriage(snapshot.RedFlags, snapshot.NotRedFlags), NotCoveredKinds.Build(snapshot))
        {
            Intents = QuestionIntents.Build(snapshot),
            CentralTopics = CentralTopics(snapshot),
        };
    }

    /// <summary>
    /// Makes moderator-approved phrasings part of their entries at once: the index is rebuilt around them (a few
    /// milliseconds for a base this size) and they survive file reloads.
    /// </summary>
    public void UsePhrasings(IReadOnlyList<SuggestedPhrasing> approved)
    {
        ArgumentNullException.ThrowIfNull(approved);
        lock (_reloadGate)
        {
            // At start with nothing approved yet there is nothing to add: no second index build on the way to ready.
            if (approved.Count == 0 && _approved.Count == 0)
            {
                return;
            }

            _approved = approved;
            _current = Build(_current.Files, approved);
        }
    }

    /// <summary>Loads the folder again; returns <c>false</c> and keeps the current base when the files are broken.</summary>
    public bool Reload()
    {
        lock (_reloadGate)
        {
            var (loaded, problems) = TryLoad(Folder, _approved);
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
        var answer = Ask(loaded, cleaned, corrected);
        return ReferenceEquals(cleaned, corrected) || cleaned == corrected ? answer : answer with { Corrected = corrected };
    }

    private Answer Ask(Loaded loaded, string cleaned, string corrected)
    {
        // The ranking reads the question plainly (no excluded subject, similes as what they describe); triage reads
        // that too, besides the words as typed, so a limb "like a balloon" on one side is still a one-sided swelling.
        var reading = QuestionReading.Read(corrected);
        if (loaded.Triage.Match(cleaned, corrected, reading) is { } redFlag)
        {
            return new Answer(AnswerKind.Safety, cleaned, null, 1) { RedFlag = redFlag };
        }

        var search = loaded.Index.Search(reading, ReferenceEquals(reading, corrected) || reading == corrected
            ? loaded.Intents.Of(cleaned, corrected)
            : loaded.Intents.Of(QuestionReading.Read(cleaned), reading));
        var best = Best(search.Hits);
        if (best is null)
        {
            return new Answer(AnswerKind.NotFound, cleaned, null, 0) { Suggestions = loaded.CentralTopics, Uncovered = search.UnknownWords };
        }

        var confidence = Math.Round(best.Confidence, 3);

        // A kind of question the source never answers (what it costs, how often) is not the nearest entry's to
        // answer, unless that entry was written for it.
        // Read in the sentences that ask: "my legs ache for days after a race. Will it help?" asks nothing about timing.
        // Read plainly too: "I'm 72, is it ok?" gives an age as a bare number.
        var asking = QuestionFocus.Asking(corrected);
        if (loaded.NotCovered.Unanswered(best.Entry, QuestionFocus.Asking(cleaned), asking, QuestionReading.Read(asking)) is { } kind)
        {
            return new Answer(AnswerKind.NotFound, cleaned, null, confidence)
            {
                NotCoveredKind = kind,
                Suggestions = Suggest(loaded, search.Hits),
                Related = RelatedPoint(best),
            };
        }

        if (best.Confidence >= Bar(best, search))
        {
            // Two entries, each answering a different half of the question, are as close as it gets: ask.
            if (RivalOf(search.Hits, best) is { } rival)
            {
                return new Answer(AnswerKind.Clarify, cleaned, null, confidence) { Candidates = [best.Entry, rival.Entry] };
            }

            return new Answer(AnswerKind.Answer, cleaned, best.Entry, confidence) { Uncovered = best.Missing };
        }

        // Words no entry knows name a subject the source does not cover: saying so beats offering near misses.
        if (search.UnknownWords.Count == 0 && Candidates(search.Hits, best) is { Count: > 0 } candidates)
        {
            return new Answer(AnswerKind.Clarify, cleaned, null, confidence) { Candidates = candidates };
        }

        return new Answer(AnswerKind.NotFound, cleaned, null, confidence)
        {
            Suggestions = Suggest(loaded, search.Hits),
            Uncovered = search.UnknownWords.Count > 0 ? search.UnknownWords : best.Missing,
            Related = RelatedPoint(best),
        };
    }

    public void Dispose() => _current.Index.Dispose();

    /// <summary>
    /// The confidence an answer needs. A word the base has never seen, asked about and left out by the best entry
    /// ("does it detox your liver", "cellulite on my thighs"), is usually a subject the source does not cover: then
    /// the entry must cover clearly more of the question than the threshold asks, not scrape past it on the word it shares.
    /// </summary>
    private double Bar(ScoredEntry best, SearchResult search) =>
        best.Missing.Any(w => search.UnknownSubjects.Contains(w, StringComparer.OrdinalIgnoreCase))
            ? _options.Threshold + UnknownSubjectMargin
            : _options.Threshold;

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
        return hits.MaxBy(h => Rank(h, top));
    }

    private static double Rank(ScoredEntry hit, float top) => hit.Confidence * Math.Sqrt(hit.Score / top);

    /// <summary>
    /// A hit that ranks within <see cref="CloseRank"/> of the best and covers a word the best leaves out, when the best
    /// covers no more than <see cref="SplitCoverage"/> of the question: the question is split between two entries.
    /// </summary>
    private static ScoredEntry? RivalOf(IReadOnlyList<ScoredEntry> hits, ScoredEntry best)
    {
        if (best.Confidence > SplitCoverage || best.Missing.Count == 0)
        {
            return null;
        }

        var top = hits[0].Score;
        var bestRank = Rank(best, top);
        return hits.FirstOrDefault(h => !ReferenceEquals(h, best)
            && Rank(h, top) >= CloseRank * bestRank
            && best.Missing.Except(h.Missing, StringComparer.OrdinalIgnoreCase).Any());
    }

    /// <summary>"Did you mean…?": the entries within the grey band under the threshold, best first.</summary>
    private List<KnowledgeEntry> Candidates(IReadOnlyList<ScoredEntry> hits, ScoredEntry best)
    {
        var floor = _options.Threshold - _options.ClarifyBand;
        if (best.Confidence < floor)
        {
            return [];
        }

        var top = hits[0].Score;
        return [.. hits.Where(h => h.Confidence >= floor).OrderByDescending(h => Rank(h, top)).Select(h => h.Entry).Take(MaxSuggestions)];
    }

    /// <summary>An entry that covers part of what was asked, for one related sourced fact; none when it only shares generic words.</summary>
    private static KnowledgeEntry? RelatedPoint(ScoredEntry best) => best.Confidence >= RelatedFloor ? best.Entry : null;

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

    /// <summary>A loaded base: the files as read, the snapshot with approved phrasings merged in, and what was built from it.</summary>
    public sealed record Loaded(KnowledgeSnapshot Files, KnowledgeSnapshot Snapshot, AnswerIndex Index, SafetyTriage Triage, NotCoveredKinds NotCovered)
    {
        public IReadOnlyList<KnowledgeEntry> CentralTopics { get; init; } = [];

        public QuestionIntents Intents { get; init; } = QuestionIntents.Build(KnowledgeSnapshot.Empty);
    }
}
