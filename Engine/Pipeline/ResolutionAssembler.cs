using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Mdm.Engine.Resolution;
using Mdm.Engine.Scoring;
using Mdm.Engine.Standardization;
using Mdm.Engine.Storage;
using Mdm.Engine.Stewardship;

namespace Mdm.Engine.Pipeline;

/// <summary>
/// Turns a clustering into what the store keeps: golden IDs (inherited, merged, split, minted), golden records with
/// lineage, the cross-reference, links, review tasks with explanations, quality findings and the golden-ID events with
/// their cause and before/after. Shared by full, incremental and real-time resolution: they differ only in which
/// records they hand in (all of them, or the part a change touches).
/// </summary>
internal sealed class ResolutionAssembler(IMdmStore store, MatchingConfiguration matching)
{
    /// <summary>What made this resolution: "load", "realtime" or "steward:&lt;name&gt;".</summary>
    public string Cause { get; init; } = "load";

    /// <summary>A steward's note, added to every event's detail.</summary>
    public string? Note { get; init; }

    /// <summary>Write members before/after on every event (incremental and real-time: the lists are short).</summary>
    public bool MemberLists { get; init; }

    /// <summary>Record → golden ID its cluster must keep (see <see cref="GoldenIdAssigner.Assign"/>).</summary>
    public IReadOnlyDictionary<int, string>? Pinned { get; init; }

    /// <summary>"system/key" of records not in the run's array (retired ones), for before-lists.</summary>
    public IReadOnlyDictionary<int, string>? OtherRecordNames { get; init; }

    public AssembledResolution Assemble(StandardizedRecord[] records, ClusteringResult clustering, ScoredPair[] scored, float[] weights,
        ulong[] patterns, PairScorer scorer, ResolutionSummary summary, IReadOnlyDictionary<int, string> previous, ResolutionScope? scope)
    {
        var sub = Stopwatch.StartNew();
        // Members per cluster, as positions, clusters ordered by their first member's store id.
        var byRoot = new Dictionary<int, List<int>>();
        for (var i = 0; i < records.Length; i++)
        {
            var root = clustering.ClusterOf[i];
            if (!byRoot.TryGetValue(root, out var list)) byRoot[root] = list = [];
            list.Add(i);
        }
        // Sorted in place (store ids are unique, so the order is the one a stable sort gives): half a million clusters
        // at 1M records, where copying each list cost more than the sorting.
        var clusters = new List<List<int>>(byRoot.Count);
        foreach (var l in byRoot.Values)
        {
            if (l.Count > 1) l.Sort((x, y) => records[x].Id.CompareTo(records[y].Id));
            clusters.Add(l);
        }
        clusters.Sort((x, y) => records[x[0]].Id.CompareTo(records[y[0]].Id));
        var memberIds = clusters.Select(l => (IReadOnlyList<int>)l.Select(i => records[i].Id).ToList()).ToList();

        var oldIds = new HashSet<string>(previous.Values, StringComparer.Ordinal);
        var ages = scope is null ? store.LoadGoldenIdAges() : store.LoadGoldenIdAges(oldIds);
        var nextSeq = store.NextGoldenSequence();
        var minted = new Dictionary<string, long>(StringComparer.Ordinal);
        var assignment = GoldenIdAssigner.Assign(memberIds, previous,
            g => ages.TryGetValue(g, out var a) ? a : minted.GetValueOrDefault(g, long.MaxValue),
            () =>
            {
                var seq = nextSeq++;
                var id = GoldenIds.Format(seq);
                minted[id] = seq;
                return id;
            },
            Pinned);
        summary.StageSeconds["survivorship.ids"] = Math.Round(sub.Elapsed.TotalSeconds, 3); sub.Restart();

        var golden = new GoldenRecordRow[clusters.Count];
        // No cluster at all when a load only retired a lone customer's record: the partitioner refuses an empty range.
        var ranges = clusters.Count > 0 ? Partitioner.Create(0, clusters.Count, 2048) : Partitioner.Create(Array.Empty<Tuple<int, int>>(), loadBalance: true);
        Parallel.ForEach(ranges, range =>
        {
            var members = new List<StandardizedRecord>(8);
            for (var c = range.Item1; c < range.Item2; c++)
            {
                members.Clear();
                foreach (var i in clusters[c]) members.Add(records[i]);
                golden[c] = GoldenRecordRow.From(Survivorship.Build(assignment.Ids[c], members));
            }
        });
        summary.StageSeconds["survivorship.records"] = Math.Round(sub.Elapsed.TotalSeconds, 3); sub.Restart();

        var clusterIndexOf = new int[records.Length];
        for (var c = 0; c < clusters.Count; c++) foreach (var i in clusters[c]) clusterIndexOf[i] = c;

        var xref = new List<(int RecordId, string System, string Key, string GoldenId)>(records.Length);
        for (var c = 0; c < clusters.Count; c++)
            foreach (var i in clusters[c]) xref.Add((records[i].Id, records[i].System, records[i].Key, assignment.Ids[c]));
        // Primary-key order: the b-tree is appended to, not split at random.
        xref.Sort((x, y) =>
        {
            var c = string.CompareOrdinal(x.System, y.System);
            return c != 0 ? c : string.CompareOrdinal(x.Key, y.Key);
        });

        summary.StageSeconds["survivorship.xref"] = Math.Round(sub.Elapsed.TotalSeconds, 3); sub.Restart();

        var links = new List<StoredLink>();
        for (var i = 0; i < scored.Length; i++)
        {
            var p = scored[i];
            if (p.Probability < matching.ReviewThreshold) continue;
            var same = clusterIndexOf[p.A] == clusterIndexOf[p.B];
            var decision = same ? (p.Probability >= matching.LinkThreshold ? "link" : "kept") : (p.Probability >= matching.LinkThreshold ? "refused" : "review");
            var (a, b) = records[p.A].Id < records[p.B].Id ? (p.A, p.B) : (p.B, p.A);
            links.Add(new StoredLink(records[a].Id, records[b].Id, p.Probability, weights[i], patterns[i], decision));
            if (same && p.Probability >= matching.LinkThreshold) summary.LinkedPairs++;
        }

        summary.StageSeconds["survivorship.links"] = Math.Round(sub.Elapsed.TotalSeconds, 3); sub.Restart();

        var reviews = new List<ReviewTask>(clustering.Reviews.Count);
        foreach (var r in clustering.Reviews)
        {
            var (a, b) = records[r.A].Id < records[r.B].Id ? (r.A, r.B) : (r.B, r.A);
            var explanation = scorer.Explain(records[a], records[b]);
            reviews.Add(new ReviewTask(0, records[a].Id, records[b].Id, assignment.Ids[clusterIndexOf[a]], assignment.Ids[clusterIndexOf[b]],
                Math.Round(r.Probability, 6), r.Reason, JsonSerializer.Serialize(explanation, ModelJson.Options), "open"));
        }

        summary.StageSeconds["survivorship.reviews"] = Math.Round(sub.Elapsed.TotalSeconds, 3); sub.Restart();

        var events = Events(records, clusters, memberIds, assignment, clusterIndexOf, scored, scorer, previous, summary);

        summary.StageSeconds["survivorship.events"] = Math.Round(sub.Elapsed.TotalSeconds, 3); sub.Restart();

        var findings = new List<(int, Quality.QualityFinding)>();
        foreach (var r in records) foreach (var f in r.Findings) findings.Add((r.Id, f));

        summary.GoldenRecords += clusters.Count;
        foreach (var c in clusters)
        {
            if (c.Count < 2) continue;
            summary.MultiRecordCustomers++;
            var first = records[c[0]].System;
            for (var k = 1; k < c.Count; k++)
                if (!string.Equals(records[c[k]].System, first, StringComparison.Ordinal)) { summary.CrossSystemCustomers++; break; }
        }
        summary.ReviewTasks += reviews.Count;
        summary.QualityFindings += findings.Count;

        summary.StageSeconds["survivorship.findings"] = Math.Round(sub.Elapsed.TotalSeconds, 3); sub.Restart();

        var write = new ResolutionWrite
        {
            GoldenRecords = golden,
            CrossReference = xref,
            Links = links,
            Reviews = reviews,
            IdChanges = assignment.Changes,
            Events = events,
            Findings = findings,
            MintedSequences = minted,
            Scope = scope,
        };
        return new AssembledResolution(write, assignment.Ids, clusterIndexOf);
    }

    private List<GoldenEvent> Events(StandardizedRecord[] records, List<List<int>> clusters, List<IReadOnlyList<int>> memberIds,
        GoldenIdAssignment assignment, int[] clusterIndexOf, ScoredPair[] scored, PairScorer scorer,
        IReadOnlyDictionary<int, string> previous, ResolutionSummary summary)
    {
        var detailSuffix = Note is { Length: > 0 } note ? " — " + note : "";
        var previousMembers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (rid, g) in previous)
        {
            if (!previousMembers.TryGetValue(g, out var l)) previousMembers[g] = l = [];
            l.Add(rid);
        }
        foreach (var l in previousMembers.Values) l.Sort();
        var positionOf = new Dictionary<int, int>(records.Length);
        for (var i = 0; i < records.Length; i++) positionOf[records[i].Id] = i;
        string Name(int recordId) =>
            positionOf.TryGetValue(recordId, out var p) ? records[p].System + "/" + records[p].Key
            : OtherRecordNames?.GetValueOrDefault(recordId) ?? $"record {recordId} (retired)";
        string? Members(string goldenId, IReadOnlyList<int>? ids) =>
            ids is null ? null : JsonSerializer.Serialize(new { goldenId, records = ids.Select(Name).ToArray() }, ModelJson.Options);
        IReadOnlyList<int>? Before(string g) => previousMembers.TryGetValue(g, out var l) ? l : null;
        var clusterOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < clusters.Count; c++) clusterOfId[assignment.Ids[c]] = c;

        // The pair that joined a retired ID to its survivor: the strongest link between the loser's old records and the rest.
        var losers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ch in assignment.Changes) if (ch.Kind == GoldenIdChangeKind.MergedInto) losers.Add(ch.GoldenId);
        var joining = new Dictionary<string, ScoredPair>(StringComparer.Ordinal);
        if (losers.Count > 0)
        {
            foreach (var p in scored)
            {
                if (clusterIndexOf[p.A] != clusterIndexOf[p.B]) continue;
                var ga = previous.GetValueOrDefault(records[p.A].Id);
                var gb = previous.GetValueOrDefault(records[p.B].Id);
                if (ga == gb) continue;
                foreach (var g in new[] { ga, gb })
                    if (g is not null && losers.Contains(g) && (!joining.TryGetValue(g, out var cur) || p.Probability > cur.Probability))
                        joining[g] = p;
            }
        }
        (double?, string?) Evidence(string loser) =>
            joining.TryGetValue(loser, out var p)
                ? (Math.Round(p.Probability, 6), JsonSerializer.Serialize(scorer.Explain(records[p.A], records[p.B]), ModelJson.Options))
                : (null, null);

        var events = new List<GoldenEvent>();
        foreach (var change in assignment.Changes)
        {
            var after = clusterOfId.TryGetValue(change.GoldenId, out var ci) ? memberIds[ci] : null;
            switch (change.Kind)
            {
                case GoldenIdChangeKind.Created:
                    summary.GoldenIdsCreated++;
                    events.Add(new GoldenEvent(change.GoldenId, "created", Cause, $"{change.Records} source record(s){detailSuffix}",
                        After: MemberLists ? Members(change.GoldenId, after) : null));
                    break;
                case GoldenIdChangeKind.SplitFrom:
                {
                    summary.GoldenIdsSplit++;
                    var other = change.Other!;
                    var otherAfter = clusterOfId.TryGetValue(other, out var oc) ? memberIds[oc] : null;
                    events.Add(new GoldenEvent(change.GoldenId, "split", Cause, $"minted for {change.Records} record(s) that left {other}{detailSuffix}",
                        Before: Members(other, Before(other)), After: Members(change.GoldenId, after)));
                    events.Add(new GoldenEvent(other, "split", Cause, $"{change.Records} record(s) left for {change.GoldenId}{detailSuffix}",
                        Before: Members(other, Before(other)), After: Members(other, otherAfter)));
                    break;
                }
                case GoldenIdChangeKind.MergedInto:
                {
                    summary.GoldenIdsMerged++;
                    var survivor = change.Other!;
                    var survivorAfter = clusterOfId.TryGetValue(survivor, out var sc) ? memberIds[sc] : null;
                    var (probability, explanation) = Evidence(change.GoldenId);
                    var how = probability is { } pr ? $" (match probability {pr:0.######})" : "";
                    events.Add(new GoldenEvent(change.GoldenId, "merged", Cause, $"merged into {survivor}; redirects there{how}{detailSuffix}",
                        probability, explanation, Members(change.GoldenId, Before(change.GoldenId)), Members(survivor, survivorAfter)));
                    events.Add(new GoldenEvent(survivor, "absorbed", Cause, $"absorbed {change.GoldenId} ({change.Records} record(s)){how}{detailSuffix}",
                        probability, explanation, Members(survivor, Before(survivor)), Members(survivor, survivorAfter)));
                    break;
                }
            }
        }
        // Kept IDs whose membership changed get an event too; IDs left without records are retired.
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ch in assignment.Changes) changed.Add(ch.GoldenId);
        foreach (var ch in assignment.Changes) if (ch.Other is not null) changed.Add(ch.Other);
        for (var c = 0; c < clusters.Count; c++)
        {
            var id = assignment.Ids[c];
            if (changed.Contains(id) || !previousMembers.TryGetValue(id, out var before)) continue;
            var now = memberIds[c];
            if (before.SequenceEqual(now)) continue;
            var added = now.Except(before).Count();
            var removed = before.Except(now).Count();
            events.Add(new GoldenEvent(id, "members_changed", Cause, $"+{added} -{removed} record(s), now {now.Count}{detailSuffix}",
                Before: Members(id, before), After: Members(id, now)));
        }
        foreach (var (g, before) in previousMembers)
        {
            if (clusterOfId.ContainsKey(g) || losers.Contains(g)) continue;
            events.Add(new GoldenEvent(g, "retired", Cause, $"all {before.Count} source record(s) retired{detailSuffix}", Before: Members(g, before)));
        }
        return events;
    }
}

/// <param name="GoldenIds">Golden ID per cluster.</param>
/// <param name="ClusterIndexOf">Cluster of each record position.</param>
internal sealed record AssembledResolution(ResolutionWrite Write, string[] GoldenIds, int[] ClusterIndexOf);
