namespace LymphBot.Core.Knowledge;

/// <summary>
/// Questions grouped by the rule <see cref="QuestionGroups"/> describes, taken in a fixed order, and kept up to date one
/// question at a time where the rule allows it: only a group's first question (its leader) is ever compared with, so
/// a question that joins a group, or leaves one it does not lead, changes no other question's group. Adding a question
/// after every other, or one that joins a group led by an earlier question, is therefore exact and costs one
/// comparison; a change that would make or remove a leader before later questions answers <c>false</c>, and the caller
/// groups everything again (<see cref="QuestionGroups.Clusters{T}"/> then adding all).
/// </summary>
public sealed class QuestionClusters<T>
    where T : notnull
{
    private readonly Func<string, string[]> _terms;
    private readonly Func<T, string> _question;
    private readonly Func<T, int> _count;
    private readonly IComparer<T> _order;
    private readonly List<Cluster> _clusters = [];
    private readonly Dictionary<string, List<int>> _byTerm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byText = new(StringComparer.Ordinal);
    private readonly Dictionary<T, int> _clusterOf;
    private readonly SortedSet<T> _items;
    private readonly SharedTerms _shared = new();

    internal QuestionClusters(Func<string, string[]> terms, Func<T, string> question, Func<T, int> count, IComparer<T> order, IEqualityComparer<T> identity)
    {
        _terms = terms;
        _question = question;
        _count = count;
        _order = order;
        _clusterOf = new Dictionary<T, int>(identity);
        _items = new SortedSet<T>(order);
    }

    public int Count => _items.Count;

    /// <summary>Adds <paramref name="item"/> (not yet here); <c>false</c>, changing nothing, when it would lead a group before later questions.</summary>
    public bool TryAdd(T item)
    {
        var last = _items.Count == 0 || _order.Compare(item, _items.Max!) > 0;
        var before = last ? _clusters.Count : LeadersBefore(item);
        var text = _question(item);
        var terms = _terms(text);
        var best = terms.Length == 0
            ? (_byText.TryGetValue(text, out var same) && same < before ? same : -1)
            : BestCluster(terms, before);
        if (best < 0 && !last)
        {
            return false;
        }

        if (best < 0)
        {
            best = _clusters.Count;
            _clusters.Add(new Cluster(terms.Length));
            _byText.TryAdd(text, best);
            foreach (var term in terms)
            {
                (_byTerm.TryGetValue(term, out var list) ? list : _byTerm[term] = []).Add(best);
            }
        }

        var members = _clusters[best].Items;
        var at = members.BinarySearch(item, _order);
        members.Insert(at < 0 ? ~at : at, item);
        _clusters[best].Total += _count(item);
        _clusterOf[item] = best;
        _items.Add(item);
        return true;
    }

    /// <summary>Removes <paramref name="item"/>; <c>false</c>, changing nothing, when it leads its group.</summary>
    public bool TryRemove(T item)
    {
        if (!_clusterOf.TryGetValue(item, out var index))
        {
            return true;
        }

        var members = _clusters[index].Items;
        var at = members.BinarySearch(item, _order);
        if (at <= 0)
        {
            return false;
        }

        _clusters[index].Total -= _count(members[at]);
        members.RemoveAt(at);
        _clusterOf.Remove(item);
        _items.Remove(item);
        return true;
    }

    /// <summary>Puts <paramref name="item"/> in place of the one with its identity (a new count), or adds it.</summary>
    public bool TryReplace(T item)
    {
        if (_clusterOf.TryGetValue(item, out var index) && _clusters[index].Items is var members
            && members.BinarySearch(item, _order) is var at && at >= 0)
        {
            _clusters[index].Total += _count(item) - _count(members[at]);
            members[at] = item;
            _items.Remove(item);
            _items.Add(item);
            return true;
        }

        return TryRemoveByIdentity(item) && TryAdd(item);
    }

    /// <summary>The groups, most asked (all their questions together) first; each group's first item is its leader.</summary>
    public IReadOnlyList<IReadOnlyList<T>> Groups() =>
        [.. _clusters.Select((c, i) => (c, i)).Where(x => x.c.Items.Count > 0).OrderByDescending(x => x.c.Total).ThenBy(x => x.i).Select(x => (IReadOnlyList<T>)[.. x.c.Items])];

    private bool TryRemoveByIdentity(T item)
    {
        if (!_clusterOf.TryGetValue(item, out var index))
        {
            return true;
        }

        // Same identity, another place in the order: find the stored item by identity.
        var comparer = _clusterOf.Comparer;
        var stored = _clusters[index].Items.First(i => comparer.Equals(i, item));
        return TryRemove(stored);
    }

    /// <summary>How many groups are led by a question before <paramref name="item"/>: groups are made in order, so a prefix.</summary>
    private int LeadersBefore(T item)
    {
        int low = 0, high = _clusters.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_order.Compare(_clusters[middle].Items[0], item) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>
    /// The group among the first <paramref name="before"/> whose leader is most like <paramref name="terms"/>, or -1: the
    /// terms shared with each group are counted along the groups' lists per term, so a term common to a thousand groups
    /// costs a thousand additions, not a thousand set comparisons.
    /// </summary>
    private int BestCluster(string[] terms, int before)
    {
        _shared.Start(_clusters.Count);
        foreach (var term in terms)
        {
            if (_byTerm.TryGetValue(term, out var list))
            {
                foreach (var cluster in list)
                {
                    if (cluster < before)
                    {
                        _shared.Add(cluster);
                    }
                }
            }
        }

        var best = -1;
        var bestSimilarity = QuestionGroups.MinSimilarity;
        foreach (var candidate in _shared.Touched)
        {
            var count = _shared[candidate];
            var similarity = (double)count / (terms.Length + _clusters[candidate].Terms - count);
            if (similarity > bestSimilarity || (similarity == bestSimilarity && (best < 0 || candidate < best)))
            {
                best = candidate;
                bestSimilarity = similarity;
            }
        }

        return best;
    }

    /// <summary>One group: its leader's term count (what similarity is measured against), its questions in order, their total count.</summary>
    private sealed class Cluster(int terms)
    {
        public int Terms { get; } = terms;

        public List<T> Items { get; } = [];

        public long Total { get; set; }
    }

    /// <summary>Per group, how many of the current question's terms it shares; only the groups touched are reset.</summary>
    private sealed class SharedTerms
    {
        private readonly List<int> _touched = [];
        private int[] _counts = new int[64];

        public IReadOnlyList<int> Touched => _touched;

        public int this[int group] => _counts[group];

        public void Start(int groups)
        {
            foreach (var group in _touched)
            {
                _counts[group] = 0;
            }

            _touched.Clear();
            if (_counts.Length < groups)
            {
                Array.Resize(ref _counts, Math.Max(groups, _counts.Length * 2));
            }
        }

        public void Add(int group)
        {
            if (_counts[group]++ == 0)
            {
                _touched.Add(group);
            }
        }
    }
}
