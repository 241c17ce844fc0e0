namespace Mdm.Engine.Resolution;

/// <summary>
/// Gives every cluster a golden ID so that IDs do not drift between runs: a cluster inherits an ID its records already
/// had. When a cluster holds records of several old IDs (new evidence joined two customers) the older ID survives and the
/// other becomes a redirect to it; when an old customer's records end up in several clusters (a split) the part with most
/// of them keeps the ID and the others get new ones. Everything else is minted, in a deterministic order.
/// </summary>
public static class GoldenIdAssigner
{
    /// <param name="clusters">Members of each cluster, as store record ids, each list sorted ascending.</param>
    /// <param name="previous">The golden ID each record had before this run (records without one are absent).</param>
    /// <param name="ageOf">Sequence number of an existing golden ID: lower is older.</param>
    /// <param name="mint">Makes a new golden ID.</param>
    /// <param name="pinned">
    /// Record → golden ID that its cluster keeps whatever the majority says (a steward's split: the rest keeps the ID even
    /// when the part that leaves is larger).
    /// </param>
    public static GoldenIdAssignment Assign(IReadOnlyList<IReadOnlyList<int>> clusters, IReadOnlyDictionary<int, string> previous,
        Func<string, long> ageOf, Func<string> mint, IReadOnlyDictionary<int, string>? pinned = null)
    {
        // How many records of each old ID every cluster holds, and how many each old ID had in all.
        var claims = new List<Claim>();
        var oldSizes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < clusters.Count; c++)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var id in clusters[c])
                if (previous.TryGetValue(id, out var g))
                {
                    counts[g] = counts.GetValueOrDefault(g) + 1;
                    oldSizes[g] = oldSizes.GetValueOrDefault(g) + 1;
                }
            foreach (var (g, n) in counts) claims.Add(new Claim(c, g, n, clusters[c][0]));
        }
        // Majority holders first, then older IDs, then larger shares; cluster order breaks the last ties.
        claims.Sort((x, y) =>
        {
            var mx = 2 * x.Count >= oldSizes[x.GoldenId]; var my = 2 * y.Count >= oldSizes[y.GoldenId];
            if (mx != my) return mx ? -1 : 1;
            var c = ageOf(x.GoldenId).CompareTo(ageOf(y.GoldenId));
            if (c != 0) return c;
            c = y.Count.CompareTo(x.Count);
            return c != 0 ? c : x.FirstMember.CompareTo(y.FirstMember);
        });

        var ids = new string?[clusters.Count];
        var taken = new HashSet<string>(StringComparer.Ordinal);
        if (pinned is not null && pinned.Count > 0)
            for (var c = 0; c < clusters.Count; c++)
                foreach (var r in clusters[c])
                    if (pinned.TryGetValue(r, out var g) && ids[c] is null && taken.Add(g)) ids[c] = g;
        foreach (var claim in claims)
        {
            if (ids[claim.Cluster] is not null || taken.Contains(claim.GoldenId)) continue;
            ids[claim.Cluster] = claim.GoldenId;
            taken.Add(claim.GoldenId);
        }

        var changes = new List<GoldenIdChange>();
        var order = Enumerable.Range(0, clusters.Count).OrderBy(c => clusters[c][0]).ToArray();
        foreach (var c in order)
        {
            if (ids[c] is not null) continue;
            var id = mint();
            ids[c] = id;
            // A new ID for records that had another one is a split; for records that had none it is a creation.
            string? from = null;
            foreach (var r in clusters[c]) if (previous.TryGetValue(r, out var g)) { from = g; break; }
            changes.Add(from is null
                ? new GoldenIdChange(GoldenIdChangeKind.Created, id, null, clusters[c].Count)
                : new GoldenIdChange(GoldenIdChangeKind.SplitFrom, id, from, clusters[c].Count));
        }

        // Old IDs that no cluster kept: redirect to where most of their records went.
        foreach (var (old, _) in oldSizes)
        {
            if (taken.Contains(old)) continue;
            var bestCluster = -1; var bestCount = 0;
            foreach (var claim in claims)
                if (claim.GoldenId == old && (claim.Count > bestCount || (claim.Count == bestCount && claim.Cluster < bestCluster)))
                {
                    bestCluster = claim.Cluster; bestCount = claim.Count;
                }
            changes.Add(new GoldenIdChange(GoldenIdChangeKind.MergedInto, old, ids[bestCluster], bestCount));
        }
        return new GoldenIdAssignment(ids!, changes);
    }

    private readonly record struct Claim(int Cluster, string GoldenId, int Count, int FirstMember);
}

/// <param name="Ids">Golden ID per cluster, in the order clusters were given.</param>
public sealed record GoldenIdAssignment(string[] Ids, List<GoldenIdChange> Changes);
