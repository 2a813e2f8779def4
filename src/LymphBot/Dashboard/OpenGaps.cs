using LymphBot.Core.Knowledge;
using LymphBot.Storage;

namespace LymphBot.Dashboard;

/// <summary>
/// The knowledge gaps page's groups, kept per view and brought up to date from the gap rows changed since the last look
/// (their <c>revision</c>, <see cref="DashboardVersions"/>), so a view after a new or re-asked question reads that row and
/// files it into its group, instead of reading and grouping 10,000 again. Groups are made first asked first
/// (<see cref="GapRow.FirstAskedOrder"/>, <see cref="QuestionClusters{T}"/>): a new question comes after all the others,
/// and one asked again keeps its place. A view is grouped afresh, from the rows kept here, when a change cannot be
/// applied one row at a time (a group's leader resolved, a row deleted or moved to another chat, more open questions
/// than the page reads), and everything is read again after a restart or a reload that changed the synonyms.
/// <see cref="GroupAfresh"/> is the same rule from rows read now; the forms use it, and the tests hold the two equal.
/// </summary>
public sealed class OpenGaps(SqlGapInbox inbox, QuestionGroups grouping, KnowledgeBase knowledge) : IDisposable
{
    /// <summary>Views kept (operators, and each moderator's set of chats); past it they start again.</summary>
    private const int MaxViews = 256;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<GapRow, GapRow> _open = new(GapRow.Identity);
    private readonly Dictionary<string, View> _views = new(StringComparer.Ordinal);
    private long? _seen;
    private long _removedSeen;
    private string? _rules;

    /// <summary>Views grouped from nothing since the start: after a restart, a reload, or a change that could not be applied row by row.</summary>
    public int Regroupings { get; private set; }

    /// <summary>The groups of the open questions in <paramref name="scopes"/> (every chat for <c>null</c>), as stored now.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<GapRow>>> GroupsAsync(IReadOnlyList<GapScope>? scopes, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await CatchUpAsync(cancellationToken);
            var key = scopes is null ? "*" : string.Join('\n', scopes.Select(s => $"{s.Platform}\t{s.ChatId}"));
            if (!_views.TryGetValue(key, out var view))
            {
                if (_views.Count >= MaxViews)
                {
                    _views.Clear();
                }

                _views[key] = view = Build(scopes);
            }

            return view.Groups();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The open questions in <paramref name="rows"/> grouped by the page's rule, from nothing.</summary>
    public static IReadOnlyList<IReadOnlyList<GapRow>> GroupAfresh(QuestionGroups grouping, IEnumerable<GapRow> rows)
    {
        ArgumentNullException.ThrowIfNull(grouping);
        var clusters = NewClusters(grouping);
        foreach (var row in rows.Order(GapRow.FirstAskedOrder))
        {
            clusters.TryAdd(row);
        }

        return MostAskedFirst(clusters.Groups());
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Each group as the page shows it: its most asked question first, the example a form names the group by.</summary>
    private static IReadOnlyList<IReadOnlyList<GapRow>> MostAskedFirst(IReadOnlyList<IReadOnlyList<GapRow>> groups) =>
        [.. groups.Select(g => (IReadOnlyList<GapRow>)[.. g.OrderByDescending(r => r.Count).ThenBy(r => r, GapRow.FirstAskedOrder)])];

    private static QuestionClusters<GapRow> NewClusters(QuestionGroups grouping) =>
        grouping.Clusters(r => r.Question, r => r.Count, GapRow.FirstAskedOrder, GapRow.Identity);

    private static bool Covers(IReadOnlyList<GapScope>? scopes, GapRow row) =>
        scopes is null || scopes.Any(s => (s.Platform is null || s.Platform == row.Platform) && s.ChatId == row.ChatId);

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var rules = knowledge.Snapshot.Synonyms;
        var changes = _seen is { } seen && ReferenceEquals(rules, _rules) ? await inbox.ChangesAsync(seen, cancellationToken) : null;
        if (changes is null || changes.RemovedVersion != _removedSeen)
        {
            var all = await inbox.ChangesAsync(null, cancellationToken);
            _open.Clear();
            foreach (var (row, _) in all.Rows)
            {
                _open[row] = row;
            }

            _views.Clear();
            (_seen, _removedSeen, _rules) = (all.Version, all.RemovedVersion, rules);
            return;
        }

        foreach (var (row, open) in changes.Rows)
        {
            var before = _open.GetValueOrDefault(row);
            if (open)
            {
                _open[row] = row;
            }
            else
            {
                _open.Remove(row);
            }

            foreach (var (key, view) in _views.ToList())
            {
                if (!view.Apply(before, open ? row : null))
                {
                    _views.Remove(key);
                }
            }
        }

        _seen = changes.Version;
    }

    private View Build(IReadOnlyList<GapScope>? scopes)
    {
        Regroupings++;
        var (questions, votes) = (new List<GapRow>(), new List<GapRow>());
        foreach (var row in _open.Values.Where(r => Covers(scopes, r)))
        {
            (row.FeedbackId is null ? questions : votes).Add(row);
        }

        // What the page reads (SqlGapInbox.OpenAsync): the most asked unanswered questions and the newest 👎, up to the limit each.
        var limit = GapsEndpoints.QuestionsRead;
        var limited = questions.Count > limit || votes.Count > limit;
        IEnumerable<GapRow> included = limited
            ? [
                .. questions.OrderByDescending(r => r.Count).ThenByDescending(r => r.LastAsked).ThenBy(r => r, GapRow.FirstAskedOrder).Take(limit),
                .. votes.OrderByDescending(r => r.FirstAsked).ThenByDescending(r => r.FeedbackId).Take(limit),
            ]
            : [.. questions, .. votes];
        var clusters = NewClusters(grouping);
        foreach (var row in included.Order(GapRow.FirstAskedOrder))
        {
            clusters.TryAdd(row);
        }

        return new View(scopes, clusters, limited ? null : (questions.Count, votes.Count));
    }

    /// <summary>
    /// One view's groups, and how many open questions and votes it covers: <c>null</c> when more than the page reads, where
    /// any change may move the cut, so a change groups afresh.
    /// </summary>
    private sealed class View(IReadOnlyList<GapScope>? scopes, QuestionClusters<GapRow> clusters, (int Questions, int Votes)? counts)
    {
        private IReadOnlyList<IReadOnlyList<GapRow>>? _shown;

        /// <summary>The groups as shown, kept until a change.</summary>
        public IReadOnlyList<IReadOnlyList<GapRow>> Groups() => _shown ??= MostAskedFirst(clusters.Groups());

        /// <summary>Applies one row's change (<paramref name="before"/> and <paramref name="after"/> open, or null); false when the view must be grouped afresh.</summary>
        public bool Apply(GapRow? before, GapRow? after)
        {
            var was = before is not null && Covers(scopes, before);
            var now = after is not null && Covers(scopes, after);
            if (!was && !now)
            {
                return true;
            }

            if (counts is not { } n)
            {
                return false;
            }

            _shown = null;
            var change = (now ? 1 : 0) - (was ? 1 : 0);
            n = (after ?? before)!.FeedbackId is null ? (n.Questions + change, n.Votes) : (n.Questions, n.Votes + change);
            counts = n;
            if (n.Questions > GapsEndpoints.QuestionsRead || n.Votes > GapsEndpoints.QuestionsRead)
            {
                return false;
            }

            return (was, now) switch
            {
                (true, true) => clusters.TryReplace(after!),
                (true, false) => clusters.TryRemove(before!),
                _ => clusters.TryAdd(after!),
            };
        }
    }
}
