using System.Diagnostics;
using Mdm.Engine.Standardization;

namespace Mdm.Engine.Pipeline;

/// <summary>An incremental load's resolution: the records changed since the last one, and what they touch.</summary>
internal sealed class IncrementalResolver(EngineContext context, LiveSession session, ScopedResolver scoped)
{
    /// <summary>Re-resolves the records changed since the last resolution and what they touch; null when it cannot (see <see cref="LiveSession.WhyNot"/>).</summary>
    public ResolutionSummary? Resolve(long runId, List<(int RecordId, bool Retired)> changed, CancellationToken ct)
    {
        var live = session.TryOpen();
        if (live is null) return null;
        var store = context.Store;
        live.Profiles = store.LoadSystemProfiles();
        var summary = new ResolutionSummary { Ran = true, Mode = "incremental", TouchedRecords = changed.Count };
        context.Progress?.Report(new ProgressUpdate("re-resolve", 0, changed.Count));
        var clock = Stopwatch.StartNew();
        var activeIds = new List<int>();
        var retiredIds = new List<int>();
        foreach (var (id, retired) in changed) (retired ? retiredIds : activeIds).Add(id);

        var touched = new List<StandardizedRecord>(activeIds.Count);
        var unread = new List<int>();
        lock (context.Fresh)
            foreach (var id in activeIds)
                if (context.Fresh.TryGetValue(id, out var std)) touched.Add(std); else unread.Add(id);
        touched.AddRange(context.StandardizeStored(store.ReadRecords(unread), live.Profiles));
        var retiredStd = context.StandardizeStored(store.ReadRecords(retiredIds, includeRetired: true), live.Profiles);
        summary.StageSeconds["standardize"] = Math.Round(clock.Elapsed.TotalSeconds, 3); clock.Restart();

        var assembler = new ResolutionAssembler(store, context.Matching) { Cause = "load", MemberLists = true, OtherRecordNames = NamesOf(retiredStd) };
        var resolved = scoped.Resolve(live, touched.ToArray(), retiredIds, assembler, summary, ct);
        foreach (var r in retiredStd) live.TermFrequencies.Remove(r);
        foreach (var r in touched) live.TermFrequencies.Add(r);
        var write = resolved.Assembled.Write with { TermFrequencies = live.TermFrequencies.Serialize(), Records = resolved.Records };
        context.WriteResolution(write, runId);
        summary.StageSeconds["write"] = Math.Round(clock.Elapsed.TotalSeconds, 3); clock.Restart();

        foreach (var id in retiredIds) live.Index.Delete(id);
        foreach (var r in touched) live.Index.Upsert(r);
        live.Index.Commit(live.Epoch, runId);
        summary.StageSeconds["index"] = Math.Round(clock.Elapsed.TotalSeconds, 3);
        context.Progress?.Report(new ProgressUpdate("re-resolve", changed.Count, changed.Count));
        return summary;
    }

    private static Dictionary<int, string> NamesOf(IEnumerable<StandardizedRecord> records)
    {
        var names = new Dictionary<int, string>();
        foreach (var r in records) names[r.Id] = r.System + "/" + r.Key;
        return names;
    }
}
