using System.Collections.Concurrent;
using System.Diagnostics;
using Mdm.Engine.Candidates;
using Mdm.Engine.Records;
using Mdm.Engine.Standardization;
using Mdm.Engine.Storage;

namespace Mdm.Engine.Pipeline;

/// <summary>
/// Stores what connectors read: source records (new, changed, unchanged and retired told apart by content hash), rejects
/// and transactions. Records are standardized as they are stored, in the background, so the resolution after need not
/// read back what this run just read.
/// </summary>
internal sealed class RecordIngest(EngineContext context)
{
    public const int Chunk = 20_000;

    private IMdmStore Store => context.Store;

    /// <summary>
    /// Stores one system's records and rejects. Unchanged records (same content hash) are not rewritten; with a full
    /// extract, keys the store has but the extract lacks are retired unless <paramref name="guard"/> withholds it.
    /// </summary>
    public SystemLoadSummary Ingest(long runId, SystemProfile profile, IEnumerable<IngestItem> items, CancellationToken cancellationToken,
        RetirementGuard? guard)
    {
        var summary = new SystemLoadSummary { System = profile.System };
        var clock = Stopwatch.StartNew();
        if (context.EarlyIndex is null && Store.IndexEpoch is null)
            context.EarlyIndex = new BackgroundIndexBuild(CandidateIndex.Open(context.IndexPath, new BlockingKeyBuilder(context.Matching), create: true), context.Progress);
        Store.SaveSystemProfile(profile, runId);
        var states = Store.LoadRecordStates(profile.System);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<(SourceRecord Record, int KnownId, int ExistingId)>(Chunk);
        var rejects = new List<RejectedRow>();
        var retire = new List<int>();
        Task? pendingStandardization = null;
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            summary.Read++;
            if (item.Reject is { } reject)
            {
                summary.Rejected++;
                rejects.Add(reject);
                if (rejects.Count >= Chunk) { Store.AddRejects(rejects, runId); rejects.Clear(); }
                continue;
            }
            var record = item.Record!;
            summary.Accepted++;
            seen.Add(record.Key);
            var known = states.TryGetValue(record.Key, out var state);
            if (item.Deleted)
            {
                if (known && !state.Retired) { retire.Add(state.RecordId); summary.Retired++; }
                continue;
            }
            if (!known) summary.New++;
            else if (state.Retired || state.ContentHash != record.ContentHash) summary.Changed++;
            else summary.Unchanged++;
            // KnownId: the store id when the record is unchanged (nothing to write), ExistingId: when it must be updated.
            var unchanged = known && !state.Retired && state.ContentHash == record.ContentHash;
            batch.Add((record, unchanged ? state.RecordId : -1, known ? state.RecordId : -1));
            if (batch.Count >= Chunk)
            {
                pendingStandardization = StoreAndStandardize(batch, profile, runId, pendingStandardization, summary, cancellationToken);
                batch = new List<(SourceRecord Record, int KnownId, int ExistingId)>(Chunk);
                context.Progress?.Report(new ProgressUpdate($"load {profile.System}", summary.Read, 0));
            }
        }
        if (batch.Count > 0) pendingStandardization = StoreAndStandardize(batch, profile, runId, pendingStandardization, summary, cancellationToken);
        var wait = Stopwatch.StartNew();
        pendingStandardization?.GetAwaiter().GetResult();
        summary.StandardizeWaitSeconds += wait.Elapsed.TotalSeconds;
        if (rejects.Count > 0) Store.AddRejects(rejects, runId);
        if (profile.FullExtract)
        {
            var missing = new List<int>();
            long active = 0;
            foreach (var (key, state) in states)
            {
                if (state.Retired) continue;
                active++;
                if (!seen.Contains(key)) missing.Add(state.RecordId);
            }
            var withheld = missing.Count == 0 ? null : (guard ?? RetirementGuard.Default).WhyWithheld(summary.Read, summary.Rejected, summary.Accepted, active);
            if (withheld is null)
            {
                retire.AddRange(missing);
                summary.Retired += missing.Count;
            }
            else
            {
                summary.RetirementWithheld = withheld;
                summary.RetirementsWithheld = missing.Count;
            }
        }
        Store.RetireRecords(retire, runId);
        lock (context.Fresh)
            foreach (var id in retire) context.Fresh.Remove(id);
        context.Progress?.Report(new ProgressUpdate($"load {profile.System}", summary.Read, summary.Read));
        summary.Seconds = Math.Round(clock.Elapsed.TotalSeconds, 3);
        summary.StoreSeconds = Math.Round(summary.StoreSeconds, 3);
        summary.StandardizeWaitSeconds = Math.Round(summary.StandardizeWaitSeconds, 3);
        return summary;
    }

    /// <summary>
    /// Writes new and changed records (unchanged ones are not rewritten), then standardizes the batch in the background
    /// while the caller reads and writes the next one: SQLite writes on the reading thread overlap standardization on
    /// the other cores.
    /// </summary>
    private Task StoreAndStandardize(List<(SourceRecord Record, int KnownId, int ExistingId)> batch, SystemProfile profile, long runId,
        Task? previous, SystemLoadSummary summary, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var ids = new int[batch.Count];
        var toWrite = new List<(SourceRecord, int, int)>();
        var writeSlots = new List<int>();
        for (var i = 0; i < batch.Count; i++)
        {
            ids[i] = batch[i].KnownId;
            if (ids[i] < 0) { toWrite.Add((batch[i].Record, profile.Trust, batch[i].ExistingId)); writeSlots.Add(i); }
        }
        if (toWrite.Count > 0)
        {
            var written = Store.UpsertSourceRecords(toWrite, runId);
            for (var i = 0; i < written.Length; i++) ids[writeSlots[i]] = written[i];
        }
        summary.StoreSeconds += clock.Elapsed.TotalSeconds;
        clock.Restart();
        previous?.GetAwaiter().GetResult();
        summary.StandardizeWaitSeconds += clock.Elapsed.TotalSeconds;
        var earlyIndex = context.EarlyIndex;
        return Task.Run(() =>
        {
            var standardized = new StandardizedRecord[batch.Count];
            Parallel.ForEach(Partitioner.Create(0, batch.Count, 512), new ParallelOptions { CancellationToken = ct }, range =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var std = context.Standardizer.Standardize(batch[i].Record, profile);
                    std.Id = ids[i];
                    std.Trust = profile.Trust;
                    standardized[i] = std;
                }
            });
            lock (context.Fresh)
                foreach (var std in standardized) context.Fresh[std.Id] = std;
            earlyIndex?.Feed(standardized);
        }, ct);
    }

    /// <summary>Replaces a system's transactions (the file is a full extract); rejects are kept like record rejects.</summary>
    public (long Accepted, long Rejected) IngestTransactions(long runId, string system, IEnumerable<(SourceTransaction? Transaction, RejectedRow? Reject)> rows)
    {
        var accepted = new List<SourceTransaction>();
        var rejects = new List<RejectedRow>();
        foreach (var (t, r) in rows)
        {
            if (r is not null) rejects.Add(r);
            else accepted.Add(t!);
        }
        Store.ReplaceTransactions(system, accepted, runId);
        Store.AddRejects(rejects, runId);
        return (accepted.Count, rejects.Count);
    }
}
