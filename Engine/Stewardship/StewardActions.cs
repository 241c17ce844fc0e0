using System.Text.Json;
using Mdm.Engine.Pipeline;
using Mdm.Engine.Storage;

namespace Mdm.Engine.Stewardship;

/// <summary>
/// What a data steward decides, applied as forced links and separations that win over the scorer on every later run,
/// then resolved at once through the same scoped resolution as an incremental load: merge two customers, split records
/// off one, decide a review task, or link or separate two source records.
/// </summary>
internal sealed class StewardActions(EngineContext context, LiveSession session, ScopedResolver scoped)
{
    private IMdmStore Store => context.Store;

    /// <summary>
    /// A steward joins two golden customers: forced links that win over the scorer on every later run. The older ID
    /// survives; the other redirects to it.
    /// </summary>
    public StewardResult Merge(string goldenA, string goldenB, string steward, string? note = null)
    {
        lock (context.Gate)
        {
            var a = ActiveId(goldenA); var b = ActiveId(goldenB);
            if (a == b) throw new ArgumentException($"{goldenA} and {goldenB} are already the same customer ({a})");
            var members = Store.LoadMembers([a, b]);
            var all = members[a].Concat(members[b]).OrderBy(x => x).ToList();
            var hub = members[a][0];
            var decisions = all.Where(x => x != hub).Select(x => new StewardDecision(hub, x, true, steward, note)).ToList();
            // The newer decision wins: separations an earlier split left between these records would keep the clusterer
            // from joining them, and the merge would silently do nothing; they become links.
            var set = all.ToHashSet();
            foreach (var d in Store.LoadStewardDecisions(all))
                if (!d.Link && set.Contains(d.RecordA) && set.Contains(d.RecordB) && d.RecordA != hub && d.RecordB != hub)
                    decisions.Add(new StewardDecision(d.RecordA, d.RecordB, true, steward, note));
            return Decide(steward, note, decisions, all, pinned: null);
        }
    }

    /// <summary>
    /// A steward takes records out of a golden customer: they get a new golden ID together, the rest keeps the old one,
    /// and forced separations keep the two apart on every later run.
    /// </summary>
    public StewardResult Split(string goldenId, IReadOnlyCollection<(string System, string Key)> leaving, string steward, string? note = null)
    {
        lock (context.Gate)
        {
            var id = ActiveId(goldenId);
            var members = Store.LoadMembers([id])[id];
            var leavingIds = new List<int>();
            foreach (var (system, key) in leaving)
            {
                var state = Store.LoadRecordState(system, key);
                if (state is null || !members.Contains(state.Value.RecordId))
                    throw new ArgumentException($"{system}/{key} is not a record of {id}");
                leavingIds.Add(state.Value.RecordId);
            }
            var staying = members.Except(leavingIds).ToList();
            if (leavingIds.Count == 0 || staying.Count == 0) throw new ArgumentException("a split needs records that leave and records that stay");
            leavingIds.Sort();
            var decisions = new List<StewardDecision>();
            foreach (var l in leavingIds)
                foreach (var r in staying) decisions.Add(new StewardDecision(l, r, false, steward, note));
            for (var i = 1; i < leavingIds.Count; i++) decisions.Add(new StewardDecision(leavingIds[0], leavingIds[i], true, steward, note));
            return Decide(steward, note, decisions, members, pinned: new Dictionary<int, string> { [staying[0]] = id });
        }
    }

    /// <summary>A steward's verdict on a review task: the same customer (forced link) or not (forced separation).</summary>
    public StewardResult DecideReview(long taskId, bool sameCustomer, string steward, string? note = null)
    {
        lock (context.Gate)
        {
            var task = Store.LoadReviewTask(taskId) ?? throw new ArgumentException($"no review task {taskId}");
            if (task.Status != "open") throw new ArgumentException($"review task {taskId} is already {task.Status}");
            var touched = new HashSet<int> { task.RecordA, task.RecordB };
            foreach (var m in Store.LoadMembers(Store.LoadGoldenIdsOf(touched).Values.ToHashSet()).Values) touched.UnionWith(m);
            var result = Decide(steward, note, [new StewardDecision(task.RecordA, task.RecordB, sameCustomer, steward, note)], touched.ToList(), null,
                () => Store.CloseReviewTask(taskId, sameCustomer ? "linked" : "separated", steward));
            return result;
        }
    }

    /// <summary>Forced link or separation between two source records.</summary>
    public StewardResult Decide((string System, string Key) a, (string System, string Key) b, bool sameCustomer, string steward, string? note = null)
    {
        lock (context.Gate)
        {
            var ra = Store.LoadRecordState(a.System, a.Key) ?? throw new ArgumentException($"no source record {a.System}/{a.Key}");
            var rb = Store.LoadRecordState(b.System, b.Key) ?? throw new ArgumentException($"no source record {b.System}/{b.Key}");
            var touched = new HashSet<int> { ra.RecordId, rb.RecordId };
            foreach (var m in Store.LoadMembers(Store.LoadGoldenIdsOf(touched).Values.ToHashSet()).Values) touched.UnionWith(m);
            return Decide(steward, note, [new StewardDecision(ra.RecordId, rb.RecordId, sameCustomer, steward, note)], touched.ToList(), null);
        }
    }

    /// <summary>
    /// Undoes the last steward action that touched a customer: the records that action regrouped go back to the customers
    /// they formed just before it (each group keeps or gets back the golden ID it had then), held there by forced links
    /// within and separations between the groups, as a steward action of its own: undoing it again redoes the action.
    /// </summary>
    public StewardResult Undo(string goldenId, string steward, string? note = null)
    {
        lock (context.Gate)
        {
            var current = Store.ResolveGoldenId(goldenId) ?? throw new ArgumentException($"no golden ID {goldenId}");
            var history = Store.ReadHistory(current);
            var last = history.LastOrDefault(e => e.Cause.StartsWith("steward:", StringComparison.Ordinal) && e.RunId is not null)
                ?? throw new ArgumentException($"no steward action on {goldenId} to undo");
            // The customers the action's records formed before it, from its events' "before" member lists.
            var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var e in history)
            {
                if (e.RunId != last.RunId || e.Before is null) continue;
                using var before = JsonDocument.Parse(e.Before);
                var id = before.RootElement.GetProperty("goldenId").GetString()!;
                if (groups.ContainsKey(id)) continue;
                var members = new List<int>();
                foreach (var name in before.RootElement.GetProperty("records").EnumerateArray())
                {
                    var text = name.GetString()!;
                    var slash = text.IndexOf('/', StringComparison.Ordinal);
                    // A record retired since has no customer to go back to.
                    if (Store.LoadRecordState(text[..slash], text[(slash + 1)..]) is { Retired: false } state) members.Add(state.RecordId);
                }
                if (members.Count > 0) groups[id] = members;
            }
            if (groups.Count == 0) throw new ArgumentException($"the last steward action on {goldenId} left nothing to restore");
            var decisions = new List<StewardDecision>();
            var lists = groups.Values.ToList();
            for (var i = 0; i < lists.Count; i++)
            {
                for (var k = 1; k < lists[i].Count; k++) decisions.Add(new StewardDecision(lists[i][0], lists[i][k], true, steward, note));
                for (var j = i + 1; j < lists.Count; j++)
                    foreach (var a in lists[i])
                        foreach (var b in lists[j]) decisions.Add(new StewardDecision(a, b, false, steward, note));
            }
            var touched = new HashSet<int>(lists.SelectMany(l => l));
            foreach (var m in Store.LoadMembers(Store.LoadGoldenIdsOf(touched).Values.ToHashSet()).Values) touched.UnionWith(m);
            var pinned = groups.ToDictionary(g => g.Value[0], g => g.Key);
            return Decide(steward, note ?? $"undo of the steward action of run {last.RunId}", decisions, touched.ToList(), pinned);
        }
    }

    private string ActiveId(string goldenId) =>
        Store.ResolveGoldenId(goldenId) is { } id && Store.LoadMembers([id]).ContainsKey(id)
            ? id
            : throw new ArgumentException($"no active golden customer {goldenId}");

    private StewardResult Decide(string steward, string? note, List<StewardDecision> decisions, List<int> touchedIds,
        IReadOnlyDictionary<int, string>? pinned, Action? alsoInTransaction = null)
    {
        if (string.IsNullOrWhiteSpace(steward)) throw new ArgumentException("a steward decision needs the steward's name");
        var live = session.Require();
        live.Profiles = Store.LoadSystemProfiles();
        var runId = Store.BeginRun("steward", null, bulk: false);
        var summary = new ResolutionSummary { Ran = true, Mode = "incremental", TouchedRecords = touchedIds.Count };
        var touched = context.StandardizeStored(Store.ReadRecords(touchedIds), live.Profiles);
        ScopedResolution resolved;
        using (var unit = Store.BeginUnitOfWork())
        {
            foreach (var d in decisions) Store.SaveStewardDecision(d);
            alsoInTransaction?.Invoke();
            var assembler = new ResolutionAssembler(Store, context.Matching) { Cause = "steward:" + steward, Note = note, MemberLists = true, Pinned = pinned };
            resolved = scoped.Resolve(live, touched, [], assembler, summary, CancellationToken.None);
            context.WriteResolution(resolved.Assembled.Write with { Records = resolved.Records }, runId);
            unit.Commit();
        }
        Store.FinishRun(runId, "succeeded", JsonSerializer.Serialize(summary));
        var after = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var r in touched) after.Add(resolved.Assembled.GoldenIds[resolved.Assembled.ClusterIndexOf[resolved.PositionOf[r.Id]]]);
        return new StewardResult(after.ToList(), resolved.Assembled.Write.Events);
    }
}
