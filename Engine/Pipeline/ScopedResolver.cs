using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Mdm.Engine.Candidates;
using Mdm.Engine.Resolution;
using Mdm.Engine.Standardization;
using Mdm.Engine.Storage;

namespace Mdm.Engine.Pipeline;

/// <summary>
/// Resolves part of the store: the records a change touches, every record they could match (their blocking-key
/// neighbours in the live index) and every record of the customers involved, through the same
/// <see cref="ResolutionPass"/> and assembly as a full run. Incremental loads, real-time resolves and steward actions
/// all come here; everything outside the scope stays as it is.
/// </summary>
internal sealed class ScopedResolver(EngineContext context)
{
    /// <summary>
    /// The shared step: <paramref name="touched"/> records (already standardized, with store ids) and retired ones are
    /// re-resolved together with every record they could match (their blocking-key neighbours in the index) and every
    /// record of the customers involved, so a customer is always re-clustered whole.
    /// </summary>
    public ScopedResolution Resolve(LiveState live, StandardizedRecord[] touched, IReadOnlyCollection<int> retired,
        ResolutionAssembler assembler, ResolutionSummary summary, CancellationToken ct)
    {
        var store = context.Store;
        var matching = context.Matching;
        var clock = Stopwatch.StartNew();
        // 1. Candidates from the live index, per touched record: the same keys and block caps as a batch.
        var found = new List<int>[touched.Length];
        void Lookup(int i) => live.Index.CandidatesByKeys(touched[i], found[i] = new List<int>(64));
        if (touched.Length < 64) for (var i = 0; i < touched.Length; i++) Lookup(i);
        else Parallel.For(0, touched.Length, new ParallelOptions { CancellationToken = ct }, Lookup);
        var touchedIds = new HashSet<int>();
        foreach (var r in touched) touchedIds.Add(r.Id);
        var retiredSet = new HashSet<int>(retired);
        var candidateIds = new HashSet<int>();
        foreach (var list in found) foreach (var id in list) if (!touchedIds.Contains(id) && !retiredSet.Contains(id)) candidateIds.Add(id);
        summary.StageSeconds["candidates.index"] = clock.Elapsed.TotalSeconds; clock.Restart();
        var standardized = new Dictionary<int, StandardizedRecord>(touched.Length + candidateIds.Count);
        foreach (var r in touched) standardized[r.Id] = r;
        var stored = store.ReadRecords(candidateIds);
        summary.StageSeconds["candidates.read"] = clock.Elapsed.TotalSeconds; clock.Restart();
        foreach (var r in context.StandardizeStored(stored, live.Profiles)) standardized[r.Id] = r;
        summary.StageSeconds["candidates.standardize"] = clock.Elapsed.TotalSeconds;
        clock.Restart();

        // 2. Only candidates that could link matter: a pair below the review band changes no customer, so the customers
        //    of such candidates are left alone (and not rewritten).
        var relevant = new HashSet<int>();
        void Screen(int from, int to, HashSet<int> into)
        {
            for (var i = from; i < to; i++)
                foreach (var id in found[i])
                    if (id != touched[i].Id && standardized.TryGetValue(id, out var other) && !touchedIds.Contains(id)
                        && live.Scorer.Probability(touched[i], other) >= matching.ReviewThreshold)
                        into.Add(id);
        }
        if (touched.Length < 64) Screen(0, touched.Length, relevant);
        else
        {
            var parts = new ConcurrentBag<HashSet<int>>();
            Parallel.ForEach(Partitioner.Create(0, touched.Length, 256), new ParallelOptions { CancellationToken = ct }, range =>
            {
                var part = new HashSet<int>();
                Screen(range.Item1, range.Item2, part);
                parts.Add(part);
            });
            foreach (var part in parts) relevant.UnionWith(part);
        }

        // 3. Whole customers: every member of every golden ID the touched records or their relevant candidates belong to.
        var seeds = new HashSet<int>(relevant);
        seeds.UnionWith(touchedIds);
        seeds.UnionWith(retired);
        var previous = store.LoadGoldenIdsOf(seeds);
        var goldenIds = new HashSet<string>(previous.Values, StringComparer.Ordinal);
        foreach (var (g, members) in store.LoadMembers(goldenIds))
            foreach (var m in members) { seeds.Add(m); previous[m] = g; }
        var toRead = new List<int>();
        foreach (var id in seeds) if (!standardized.ContainsKey(id) && !retiredSet.Contains(id)) toRead.Add(id);
        foreach (var r in context.StandardizeStored(store.ReadRecords(toRead), live.Profiles)) standardized[r.Id] = r;
        var inScope = new List<StandardizedRecord>(seeds.Count);
        foreach (var id in seeds) if (!retiredSet.Contains(id) && standardized.TryGetValue(id, out var r)) inScope.Add(r);
        var records = inScope.ToArray();
        Array.Sort(records, (a, b) => a.Id.CompareTo(b.Id));
        var positionOf = new Dictionary<int, int>(records.Length);
        for (var i = 0; i < records.Length; i++) positionOf[records[i].Id] = i;
        summary.AffectedRecords += records.Length;
        summary.Records += records.Length;
        summary.StageSeconds["gather"] = Math.Round(clock.Elapsed.TotalSeconds, 3); clock.Restart();

        // 3. Pairs: records sharing a blocking key whose block is within its cap, as in the batch walk.
        var pairs = PairsByKeys(live, records);
        summary.CandidatePairs += pairs.Length;
        var scorer = live.Scorer;
        var patterns = ResolutionPass.Compare(records, pairs, pairs.Length, scorer, ct);
        var (scored, weights) = ResolutionPass.Score(records, pairs, patterns, scorer, ct);
        summary.StageSeconds["score"] = Math.Round(clock.Elapsed.TotalSeconds, 3); clock.Restart();

        // 4. Cluster with steward decisions and sticky links, as a full run does.
        var clustering = ResolutionPass.Cluster(matching, records, scored, scorer, store.LoadStewardDecisions(positionOf.Keys),
            id => positionOf.TryGetValue(id, out var p) ? p : -1, previous);
        summary.RefusedLinks += clustering.RefusedLinks;
        summary.StageSeconds["cluster"] = Math.Round(clock.Elapsed.TotalSeconds, 3); clock.Restart();

        // 5. Golden IDs and records for this part only.
        var scopeRecords = new List<int>(positionOf.Keys);
        scopeRecords.AddRange(retired);
        var scope = new ResolutionScope(scopeRecords, goldenIds);
        var assembled = assembler.Assemble(records, clustering, scored, weights, patterns, scorer, summary, previous, scope);
        summary.StageSeconds["survivorship"] = Math.Round(clock.Elapsed.TotalSeconds, 3);
        return new ScopedResolution(records, positionOf, scored, assembled, previous);
    }

    /// <summary>Pairs (positions, packed and sorted) of records that share a blocking key whose block is within its cap.</summary>
    private static long[] PairsByKeys(LiveState live, StandardizedRecord[] records)
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var keys = new List<string>(16);
        var sb = new StringBuilder(64);
        for (var i = 0; i < records.Length; i++)
        {
            keys.Clear();
            live.Keys.AddKeys(records[i], keys, sb);
            foreach (var k in keys)
            {
                if (!groups.TryGetValue(k, out var list)) groups[k] = list = new List<int>(2);
                if (list.Count == 0 || list[^1] != i) list.Add(i);
            }
        }
        var pairs = new List<long>();
        foreach (var (key, members) in groups)
        {
            if (members.Count < 2) continue;
            var cap = live.Keys.MaxBlockSize((key[0] - '0') * 10 + (key[1] - '0'));
            // Within the affected set the cap applies to the group itself: the batch's global cap bounds its quadratic
            // blocks, and a look-up per key here cost more than the whole rest of a real-time resolve.
            if (members.Count > cap) continue;
            for (var i = 0; i < members.Count; i++)
                for (var j = i + 1; j < members.Count; j++)
                    pairs.Add(CandidatePairs.Pack(members[i], members[j]));
        }
        var array = pairs.ToArray();
        var n = CandidatePairs.SortDistinct(array, array.Length);
        return n == array.Length ? array : array[..n];
    }
}

/// <summary>What <see cref="ScopedResolver.Resolve"/> resolved: the records (by position; <see cref="PositionOf"/> finds one by store id), and the result.</summary>
internal sealed record ScopedResolution(StandardizedRecord[] Records, Dictionary<int, int> PositionOf, ScoredPair[] Scored,
    AssembledResolution Assembled, IReadOnlyDictionary<int, string> Previous);
