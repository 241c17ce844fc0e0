using Mdm.Engine.Scoring;

namespace Mdm.Engine.Resolution;

/// <summary>
/// Groups records into customers from scored pairs. Links are taken strongest first; two clusters join only when no pair
/// between them is evidence against (below the cannot-link threshold, e.g. two different valid ID cards) and, when both
/// already hold several records, when enough of the smaller one's records link into the other: one weak link must not
/// chain two tight clusters together. Refused links and review-band links between final clusters become review candidates.
/// Steward decisions (forced links and separations) override the scores.
/// </summary>
public sealed class Clusterer
{
    private readonly double _link;
    private readonly double _review;
    private readonly double _cannot;
    private readonly double _share;
    private readonly double _sticky;

    /// <summary>
    /// A record linking into one cluster is held back when it links, within this many bits, into another cluster known
    /// to be a different customer (a father and a son of the same name at one address, the record naming neither's
    /// birth date): merging it either way is a coin toss, so a steward decides.
    /// </summary>
    private const double AmbiguityMarginBits = 6;

    /// <param name="stickyLinkThreshold">
    /// Link threshold for pairs whose records already belong to one golden customer: a score drifting a little (because
    /// unrelated records changed value frequencies) must not split a customer nobody touched.
    /// </param>
    public Clusterer(double linkThreshold, double reviewThreshold, double cannotLinkThreshold, double clusterLinkShare,
        double? stickyLinkThreshold = null)
    {
        _link = linkThreshold;
        _review = reviewThreshold;
        _cannot = cannotLinkThreshold;
        _share = clusterLinkShare;
        _sticky = Math.Min(stickyLinkThreshold ?? linkThreshold, linkThreshold);
    }

    public ClusteringResult Cluster(int recordCount, IReadOnlyList<ScoredPair> pairs, ClusteringConstraints? constraints = null)
    {
        constraints ??= ClusteringConstraints.None;
        var together = constraints.PreviouslyTogether;
        bool Links(ScoredPair p) => p.Probability >= _link || (p.Probability >= _sticky && together is not null && together(p.A, p.B));
        var graph = new PairGraph(recordCount, pairs, constraints);
        var parent = new int[recordCount];
        var members = new List<int>?[recordCount];
        for (var i = 0; i < recordCount; i++) parent[i] = i;

        int Find(int x)
        {
            while (parent[x] != x) { parent[x] = parent[parent[x]]; x = parent[x]; }
            return x;
        }

        List<int> Members(int root) => members[root] ??= [root];

        var refused = new List<ReviewCandidate>();
        var reasons = new Dictionary<long, string>();

        // Steward-forced links first: they are not subject to the chain guard, only to forced separations.
        foreach (var (a, b) in constraints.ForcedLinks)
        {
            var ra = Find(a); var rb = Find(b);
            if (ra == rb) continue;
            if (graph.HasForcedSeparation(Members(ra), Members(rb), Find, rb)) continue;
            Union(ra, rb);
        }

        var links = new List<ScoredPair>();
        foreach (var p in pairs) if (Links(p)) links.Add(p);
        links.Sort((x, y) =>
        {
            var c = y.Probability.CompareTo(x.Probability);
            if (c != 0) return c;
            c = x.A.CompareTo(y.A);
            return c != 0 ? c : x.B.CompareTo(y.B);
        });

        foreach (var p in links)
        {
            var ra = Find(p.A); var rb = Find(p.B);
            if (ra == rb) continue;
            var ma = Members(ra); var mb = Members(rb);
            var (small, large, largeRoot) = ma.Count <= mb.Count ? (ma, mb, rb) : (mb, ma, ra);
            var verdict = graph.Assess(small, large, largeRoot, Find, _link, _cannot, together is null ? null : _sticky, together);
            string? reason = null;
            if (verdict.Veto) reason = "evidence against: " + verdict.VetoReason;
            else if (small.Count >= 2 && large.Count >= 2 && verdict.LinkedMembers < Math.Ceiling(_share * small.Count))
                reason = $"would chain clusters: {verdict.LinkedMembers} of {small.Count} records link across";
            // Records already one customer stay one: a newcomer that resembles both sides is a review, not a reason to split.
            else if (together?.Invoke(p.A, p.B) != true
                     && Ambiguous(small, large, largeRoot, FellegiSunterModel.ToWeight(p.Probability) - AmbiguityMarginBits) is var (record, rival) && record >= 0)
                reason = $"ambiguous: record {record} matches record {rival} of another customer just as well";
            if (reason is not null)
            {
                refused.Add(new ReviewCandidate(p.A, p.B, p.Probability, reason));
                continue;
            }
            Union(ra, rb);
        }

        var clusterOf = new int[recordCount];
        for (var i = 0; i < recordCount; i++) clusterOf[i] = Find(i);

        // Review candidates: the best uncertain (or refused) pair between each two different final clusters.
        var best = new Dictionary<long, ReviewCandidate>();
        void Offer(ReviewCandidate c)
        {
            var ca = clusterOf[c.A]; var cb = clusterOf[c.B];
            if (ca == cb) return;
            var key = ca < cb ? ((long)ca << 32) | (uint)cb : ((long)cb << 32) | (uint)ca;
            if (!best.TryGetValue(key, out var cur) || c.Probability > cur.Probability) best[key] = c;
        }
        foreach (var c in refused) Offer(c);
        foreach (var p in pairs)
            if (p.Probability >= _review && !Links(p) && !graph.IsForcedApart(p.A, p.B))
                Offer(new ReviewCandidate(p.A, p.B, p.Probability, "uncertain match"));
        var reviews = best.Values.ToList();
        reviews.Sort((x, y) => x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        return new ClusteringResult(clusterOf, reviews, refused.Count);

        // The joining record (of the smaller side, or either side of two single records) must not match a third
        // customer as well when that customer is known to differ from the other side.
        (int, int) Ambiguous(List<int> small, List<int> large, int largeRoot, double minWeight)
        {
            var smallRoot = Find(small[0]);
            var found = graph.AmbiguousAlternative(small, smallRoot, largeRoot, Find, Members, _link, _cannot, minWeight);
            if (found.Record >= 0 || large.Count > 1) return found;
            return graph.AmbiguousAlternative(large, largeRoot, smallRoot, Find, Members, _link, _cannot, minWeight);
        }

        void Union(int ra, int rb)
        {
            var ma = Members(ra); var mb = Members(rb);
            // Keep the lower root so results do not depend on merge order more than necessary.
            var (keep, drop) = ra < rb ? (ra, rb) : (rb, ra);
            var (km, dm) = ra < rb ? (ma, mb) : (mb, ma);
            km.AddRange(dm);
            members[drop] = null;
            parent[drop] = keep;
        }
    }

    /// <summary>Adjacency of scored pairs (compressed rows), for the checks made when two clusters would join.</summary>
    private sealed class PairGraph
    {
        private readonly int[] _offsets;
        private readonly int[] _neighbors;
        private readonly float[] _probabilities;
        private readonly HashSet<long> _forcedApart;

        public PairGraph(int n, IReadOnlyList<ScoredPair> pairs, ClusteringConstraints constraints)
        {
            _offsets = new int[n + 1];
            foreach (var p in pairs) { _offsets[p.A + 1]++; _offsets[p.B + 1]++; }
            for (var i = 0; i < n; i++) _offsets[i + 1] += _offsets[i];
            _neighbors = new int[_offsets[n]];
            _probabilities = new float[_offsets[n]];
            var fill = new int[n];
            foreach (var p in pairs)
            {
                var ia = _offsets[p.A] + fill[p.A]++;
                _neighbors[ia] = p.B; _probabilities[ia] = p.Probability;
                var ib = _offsets[p.B] + fill[p.B]++;
                _neighbors[ib] = p.A; _probabilities[ib] = p.Probability;
            }
            _forcedApart = new HashSet<long>();
            foreach (var (a, b) in constraints.ForcedSeparations) _forcedApart.Add(Key(a, b));
            _ruledOut = constraints.RuledOut;
            _canRuleOut = constraints.CanRuleOut;
            if (_ruledOut is not null && _canRuleOut is null)
                throw new ArgumentException("RuledOut needs CanRuleOut", nameof(constraints));
        }

        private readonly Func<int, int, bool>? _ruledOut;
        private readonly bool[]? _canRuleOut;

        /// <summary>A pair of <paramref name="small"/> × <paramref name="large"/> whose own values rule a match out; (-1, -1) when none.</summary>
        public (int A, int B) RuledOutPair(List<int> small, List<int> large)
        {
            if (_ruledOut is null) return (-1, -1);
            var can = _canRuleOut!;
            foreach (var a in small)
            {
                if (!can[a]) continue;
                foreach (var b in large)
                {
                    if (!can[b]) continue;
                    if (_ruledOut(a, b)) return (a, b);
                }
            }
            return (-1, -1);
        }

        private static long Key(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

        public bool IsForcedApart(int a, int b) => _forcedApart.Count > 0 && _forcedApart.Contains(Key(a, b));

        public bool HasForcedSeparation(List<int> small, List<int> large, Func<int, int> find, int largeRoot)
        {
            if (_forcedApart.Count == 0) return false;
            foreach (var a in small)
                foreach (var b in large)
                    if (_forcedApart.Contains(Key(a, b))) return true;
            return false;
        }

        /// <summary>
        /// A record of <paramref name="small"/> with a link (weight ≥ <paramref name="minWeight"/>) to a record in a third
        /// cluster that holds evidence against <paramref name="largeRoot"/>'s cluster; (-1, -1) when there is none.
        /// </summary>
        public (int Record, int Rival) AmbiguousAlternative(List<int> small, int smallRoot, int largeRoot, Func<int, int> find,
            Func<int, List<int>> members, double link, double cannot, double minWeight)
        {
            foreach (var a in small)
            {
                for (var k = _offsets[a]; k < _offsets[a + 1]; k++)
                {
                    var p = _probabilities[k];
                    if (p < link || FellegiSunterModel.ToWeight(p) < minWeight) continue;
                    var b = _neighbors[k];
                    var rb = find(b);
                    if (rb == largeRoot || rb == smallRoot) continue;
                    var rivals = members(rb);
                    foreach (var m in rivals)
                    {
                        for (var j = _offsets[m]; j < _offsets[m + 1]; j++)
                            if (_probabilities[j] < cannot && find(_neighbors[j]) == largeRoot) return (a, b);
                    }
                    if (RuledOutPair(rivals, members(largeRoot)).A >= 0) return (a, b);
                }
            }
            return (-1, -1);
        }

        public Verdict Assess(List<int> small, List<int> large, int largeRoot, Func<int, int> find, double link, double cannot,
            double? sticky, Func<int, int, bool>? together)
        {
            var linked = 0;
            foreach (var a in small)
            {
                var hasLink = false;
                for (var k = _offsets[a]; k < _offsets[a + 1]; k++)
                {
                    var b = _neighbors[k];
                    if (find(b) != largeRoot) continue;
                    var p = _probabilities[k];
                    if (p < cannot) return new Verdict(true, $"records {a} and {b} scored {p:0.######}", linked);
                    if (IsForcedApart(a, b)) return new Verdict(true, $"records {a} and {b} were separated by a steward", linked);
                    if (p >= link || (sticky is { } st && p >= st && together!(a, b))) hasLink = true;
                }
                if (hasLink) linked++;
            }
            if (_forcedApart.Count > 0)
            {
                foreach (var a in small)
                    foreach (var key in _forcedApart)
                    {
                        var (x, y) = ((int)(key >> 32), (int)(key & 0xFFFFFFFF));
                        var other = x == a ? y : y == a ? x : -1;
                        if (other >= 0 && find(other) == largeRoot)
                            return new Verdict(true, $"records {a} and {other} were separated by a steward", linked);
                    }
            }
            var (ruledA, ruledB) = RuledOutPair(small, large);
            if (ruledA >= 0) return new Verdict(true, $"records {ruledA} and {ruledB} cannot be one customer (their identifiers differ)", linked);
            return new Verdict(false, null, linked);
        }
    }

    private readonly record struct Verdict(bool Veto, string? VetoReason, int LinkedMembers);
}

/// <summary>Steward decisions, by positions in the run's record array: they win over the scorer on every run.</summary>
public sealed class ClusteringConstraints
{
    public static readonly ClusteringConstraints None = new();
    public List<(int A, int B)> ForcedLinks { get; } = [];
    public List<(int A, int B)> ForcedSeparations { get; } = [];

    /// <summary>Whether two records (positions) belonged to one golden customer before this run; enables sticky links.</summary>
    public Func<int, int, bool>? PreviouslyTogether { get; set; }

    /// <summary>
    /// Whether two records' own values rule a match out (two different ID cards, birth dates years apart), for pairs
    /// blocking may never have scored: a record holding only a name and an address must not chain two customers whose
    /// ID cards differ just because no pair between them was a candidate. Asked only for records marked in
    /// <see cref="CanRuleOut"/>.
    /// </summary>
    public Func<int, int, bool>? RuledOut { get; set; }

    /// <summary>Records (positions) holding a value that can rule a match out; required with <see cref="RuledOut"/>.</summary>
    public bool[]? CanRuleOut { get; set; }
}

/// <param name="ClusterOf">For each record, the representative record of its cluster.</param>
/// <param name="Reviews">Pairs a steward should look at.</param>
/// <param name="RefusedLinks">Links above the link threshold that the chain guard or counter-evidence refused.</param>
public sealed record ClusteringResult(int[] ClusterOf, List<ReviewCandidate> Reviews, int RefusedLinks);

public sealed record ReviewCandidate(int A, int B, float Probability, string Reason);
