using System.Diagnostics;
using System.Text.Json;
using Mdm.Connectors;
using Mdm.Connectors.Configuration;
using Mdm.Engine.Pipeline;
using Mdm.Engine.Scoring;
using Mdm.Engine.Storage;
using Mdm.Engine.Records;

namespace Mdm.Application;

/// <summary>
/// Reads every source of a sources file through its connector into the engine, then resolves. Used by <c>mdm load</c>,
/// <c>mdm demo</c>, the benchmarks and the tests alike.
/// </summary>
public static class LoadJob
{
    /// <exception cref="StoreUnavailableException">The store cannot be opened or written (read-only, disk full, ...).</exception>
    public static LoadSummary Run(SourcesFile file, LoadOptions options, IProgress<ProgressUpdate>? progress = null, CancellationToken cancellationToken = default)
    {
        var target = StoreLocation.Of(file, options.StorePath);
        try
        {
            return RunOn(target, file, options, progress, cancellationToken);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            // The failed write was one transaction and rolled back; say what happened to the store, not where in the code.
            throw StoreUnavailableException.From(ex, target.Location);
        }
        catch (Npgsql.NpgsqlException ex)
        {
            throw StoreUnavailableException.FromServer(ex, target.Location);
        }
    }

    private static LoadSummary RunOn(StoreTarget target, SourcesFile file, LoadOptions options, IProgress<ProgressUpdate>? progress,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var gcPauseBefore = GC.GetTotalPauseDuration();
        var gen2Before = GC.CollectionCount(2);
        using var session = EngineSession.Open(file, target, options.MatchingPath, "load", options.Wait, withSearch: false);
        var (store, engine, valuation) = (session.Store, session.Engine, session.Valuation);
        engine.Progress = progress;
        engine.Retrain = options.Retrain;
        engine.FullResolution = options.Full;
        var summary = new LoadSummary { RunId = store.BeginRun("load", file.FilePath) };
        try
        {
            // Watermarks read by this run, kept only once its resolution has committed: a load that fails re-reads the same rows.
            var watermarks = new List<(string System, Watermark Value)>();
            foreach (var source in file.Sources)
            {
                var formats = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (field, mapping) in source.Fields)
                    if (mapping.Format is { } f) formats[field] = f;
                DatabaseRecordSource? pull = null;
                if (source.Database is { } database)
                    pull = DatabaseConnectors.OpenRecords(source, file,
                        database.Watermark is null ? null : Watermark.Load(store, source.System));
                using var connector = pull ?? FileConnectors.OpenRecords(source, file);
                // An incremental pull holds only what changed: absence from it says nothing, so it retires nothing.
                var fullExtract = source.FullExtract && pull is not { Incremental: true };
                var profile = new SystemProfile(source.System, source.Trust, formats, fullExtract,
                    KindDeclared: !ReferenceEquals(source.KindMapping, KindMapping.AllPersons), Country: source.Country);
                summary.Systems.Add(engine.Ingest(summary.RunId, profile, Items(connector, cancellationToken), cancellationToken, source.Retirement));
                if (pull?.LastWatermark is { } read) watermarks.Add((source.System, read));
            }
            foreach (var txn in file.Transactions)
            {
                using var connector = FileConnectors.OpenTransactions(txn, file);
                var (accepted, rejected) = engine.IngestTransactions(summary.RunId, txn.System,
                    connector.ReadTransactions(cancellationToken).Select(r => (r.Transaction, r.Reject)));
                var sys = summary.Systems.FirstOrDefault(s => s.System == txn.System);
                if (sys is null) summary.Systems.Add(sys = new SystemLoadSummary { System = txn.System });
                sys.Transactions += accepted;
                sys.TransactionsRejected += rejected;
            }
            // --full and --retrain rebuild what a crashed or refused writer may have left behind (a stale index, a model
            // built for another resolution) even when no source record changed.
            if (engine.NeedsResolution || options.Retrain || options.Full) summary.Resolution = engine.Resolve(summary.RunId, cancellationToken);
            // Every load ranks again, also one where only transactions changed (no resolution ran) or only some customers
            // were re-resolved; a full resolution has ranked already.
            if (valuation.RankedRun != summary.RunId) valuation.RankAll(store, summary.RunId);
            foreach (var (tier, count) in store.CountTiers()) summary.Tiers[tier] = count;
            summary.ValueSeconds = valuation.LastRankSeconds;
            foreach (var (system, value) in watermarks) Watermark.Save(store, system, value);
            summary.TotalSeconds = Math.Round(clock.Elapsed.TotalSeconds, 2);
            summary.GcPauseSeconds = Math.Round((GC.GetTotalPauseDuration() - gcPauseBefore).TotalSeconds, 2);
            summary.Gen2Collections = GC.CollectionCount(2) - gen2Before;
            summary.PeakWorkingSetBytes = Environment.ProcessId > 0 ? Process.GetCurrentProcess().PeakWorkingSet64 : 0;
            store.FinishRun(summary.RunId, "succeeded", JsonSerializer.Serialize(summary));
            return summary;
        }
        catch (Exception ex)
        {
            try
            {
                store.FinishRun(summary.RunId, "failed", JsonSerializer.Serialize(new { error = ex.Message }));
            }
            catch (Exception failure) when (failure is Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
            {
                // The store failing (full, read-only) is most likely why the run failed: report that, not this echo of it.
            }
            throw;
        }
    }

    private static IEnumerable<IngestItem> Items(IRecordSource connector, CancellationToken ct)
    {
        foreach (var row in connector.ReadRecords(ct)) yield return new IngestItem(row.Record, row.Reject, row.Deleted);
    }
}
