using Mdm.Application;
using System.Diagnostics;
using Mdm.Benchmarks.Generator;
using Mdm.Connectors;
using Mdm.Connectors.Configuration;
using Mdm.Engine.Pipeline;
using Mdm.Engine.Records;
using Mdm.Engine.Scoring;
using Mdm.Engine.Storage;

namespace Mdm.Benchmarks.Realtime;

/// <summary>
/// Real-time resolve against a loaded store (not a test: a measurement). Half the requests are records of customers the
/// store already holds, sent again under new keys (they link); half are people the store has never seen (a data set
/// generated with another seed: they mostly get new IDs). Several threads resolve at once, as a service would; the
/// report gives latency percentiles, sustained throughput and where the time of one resolve goes.
/// <code>realtime --config DIR/sources.json --store DIR/mdm-data/mdm.db [--requests 20000] [--threads 2] [--warmup 500]</code>
/// </summary>
public static class RealtimeBenchmark
{
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        string? config = null, storePath = null;
        int requests = 20_000, threads = 2, warmup = 500;
        const string usage = "usage: realtime --config sources.json --store mdm.db [--requests N] [--threads T] [--warmup W]";
        // Bad arguments end in one line and exit code 2, as the mdm command line's do, not a FormatException's stack trace.
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                error.WriteLine($"missing value for {name}\n{usage}");
                return 2;
            }
            var value = args[++i];
            var ok = name switch
            {
                "--config" => (config = value).Length > 0,
                "--store" => (storePath = value).Length > 0,
                "--requests" => TryCount(value, 1, out requests),
                "--threads" => TryCount(value, 1, out threads),
                "--warmup" => TryCount(value, 1, out warmup),
                _ => false,
            };
            if (!ok)
            {
                error.WriteLine($"invalid option {name} {value}\n{usage}");
                return 2;
            }
        }
        if (config is null || storePath is null)
        {
            error.WriteLine(usage);
            return 2;
        }
        if (!File.Exists(config) || !File.Exists(storePath))
        {
            error.WriteLine($"no {(File.Exists(config) ? "store" : "sources file")} at {(File.Exists(config) ? storePath : config)}: load one with mdm load first");
            return 2;
        }
        var sources = SourcesFile.Load(config);
        var tag = DateTime.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var work = Requests(sources, requests + warmup, tag, output);

        // The command line's composition (mdm resolve): the writer's session, with customer values kept current.
        using var session = EngineSession.OpenExisting(sources, StoreLocation.Of(sources, storePath), matchingPath: null, "benchmark realtime", wait: null, withSearch: false);
        var engine = session.Engine;
        var records = session.Store.CountActiveRecords();
        var openClock = Stopwatch.StartNew();
        // The first resolve opens the live state: index (merged down once if a batch left many segments), model, term frequencies.
        var first = engine.ResolveRecord(work[0]);
        output.WriteLine($"store: {records:N0} active records; live state opened and first resolve in {openClock.Elapsed.TotalSeconds:0.0} s ({first.Outcome})");

        for (var i = 1; i < warmup; i++) engine.ResolveRecord(work[i]);
        var measured = work.Skip(warmup).ToArray();
        var latencies = new double[measured.Length];
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var next = -1;
        var gcBefore = GC.GetTotalPauseDuration();
        var wall = Stopwatch.StartNew();
        var workers = new Thread[threads];
        for (var t = 0; t < threads; t++)
        {
            workers[t] = new Thread(() =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < measured.Length)
                {
                    var clock = Stopwatch.StartNew();
                    var result = engine.ResolveRecord(measured[i]);
                    latencies[i] = clock.Elapsed.TotalMilliseconds;
                    lock (outcomes) outcomes[result.Outcome] = outcomes.GetValueOrDefault(result.Outcome) + 1;
                }
            });
            workers[t].Start();
        }
        foreach (var w in workers) w.Join();
        var seconds = wall.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        double P(double q) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
        output.WriteLine($"{measured.Length:N0} resolves on {threads} threads in {seconds:0.00} s: {measured.Length / seconds:N0} resolves/s");
        output.WriteLine($"latency ms: p50 {P(0.50):0.00}  p90 {P(0.90):0.00}  p99 {P(0.99):0.00}  max {latencies[^1]:0.00}");
        output.WriteLine($"outcomes: {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value:N0}"))}");
        output.WriteLine($"GC pause during the measured part: {(GC.GetTotalPauseDuration() - gcBefore).TotalMilliseconds:N0} ms");
        foreach (var (stage, ms) in engine.RealtimeStageMilliseconds.OrderByDescending(s => s.Value))
            output.WriteLine($"  {stage,-14} {ms / (measured.Length + warmup):0.000} ms per resolve");
        return 0;
    }

    /// <summary>Alternating: an existing customer's record under a new key, and a person from a fresh data set.</summary>
    private static List<SourceRecord> Requests(SourcesFile sources, int count, string tag, TextWriter output)
    {
        var known = new List<SourceRecord>(count / 2 + 1);
        var perSource = (count / 2 + sources.Sources.Count) / sources.Sources.Count;
        foreach (var source in sources.Sources)
        {
            using var connector = FileConnectors.OpenRecords(source, sources);
            var row = 0;
            var taken = 0;
            foreach (var read in connector.ReadRecords())
            {
                // Every 37th record: spread over the file, not just its head.
                if (read.Record is not { } r || row++ % 37 != 0) continue;
                known.Add(new SourceRecord(r.System, $"RT{tag}-{r.Key}", r.Kind, r.Fields) { UpdatedAt = r.UpdatedAt });
                if (++taken == perSource) break;
            }
        }
        var freshDir = Path.Combine(Path.GetTempPath(), $"mdm-realtime-fresh-{tag}");
        var fresh = DatasetGenerator.Generate(freshDir, new GeneratorOptions(Math.Max(100, count / 4), Seed: 424242));
        var freshSources = SourcesFile.Load(fresh.SourcesFile);
        var unknown = new List<SourceRecord>(count / 2 + 1);
        foreach (var source in freshSources.Sources)
        {
            using var connector = FileConnectors.OpenRecords(source, freshSources);
            foreach (var row in connector.ReadRecords())
                if (row.Record is { } r) unknown.Add(new SourceRecord(r.System, $"RTN{tag}-{r.Key}", r.Kind, r.Fields) { UpdatedAt = r.UpdatedAt });
        }
        Directory.Delete(freshDir, recursive: true);
        var random = new Random(7);
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(known));
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(unknown));
        var work = new List<SourceRecord>(count);
        for (var i = 0; work.Count < count && (i < known.Count || i < unknown.Count); i++)
        {
            if (i < known.Count) work.Add(known[i]);
            if (i < unknown.Count && work.Count < count) work.Add(unknown[i]);
        }
        output.WriteLine($"requests: {work.Count:N0} ({Math.Min(known.Count, work.Count / 2):N0} known customers under new keys, the rest new people)");
        return work;
    }

    private static bool TryCount(string s, int minimum, out int value) =>
        int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value) && value >= minimum;
}
