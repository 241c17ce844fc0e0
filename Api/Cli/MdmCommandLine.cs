using Mdm.Application;
using System.CommandLine;
using CsvHelper;
using Mdm.Connectors.Configuration;
using Mdm.Engine.Evaluation;
using Mdm.Engine.Storage;
using Spectre.Console;

namespace Mdm.Api.Cli;

/// <summary>The <c>mdm</c> commands.</summary>
public static class MdmCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Mdm: master data management and identity resolution. Source records in, stable golden customer IDs out.");
        root.Add(WaitOption);
        root.Add(Demo());
        root.Add(Load());
        root.Add(Export());
        root.Add(Evaluate());
        root.Add(Explain());
        root.Add(LiveCommands.Resolve());
        root.Add(LiveCommands.Steward());
        root.Add(LiveCommands.History());
        root.Add(ReaderCommands.Reviews());
        root.Add(ReaderCommands.Rejects());
        root.Add(ReaderCommands.Golden());
        root.Add(QualityCommands.Report());
        root.Add(QualityCommands.Profile());
        root.Add(ServeCommand.Build());
        return root;
    }

    /// <summary>For every command that writes the store: how long to wait while another process writes it.</summary>
    internal static readonly Option<double?> WaitOption = new("--wait")
    {
        Description = "Seconds to wait while another process writes the store (default: MDM_WRITER_WAIT, else 120); then give up with exit code 75.",
        Recursive = true,
    };

    internal static TimeSpan? Wait(ParseResult parse) =>
        parse.GetValue(WaitOption) is { } seconds
            ? seconds is >= 0 and <= 86_400 ? TimeSpan.FromSeconds(seconds) : throw new FormatException($"--wait must be between 0 and 86400 seconds, not {seconds}")
            : null;

    internal static Option<FileInfo> ConfigOption() => new("--config", "-c")
    {
        Description = "The sources file (JSON) describing the source systems and the store.",
        Required = true,
    };

    internal static Option<string?> StoreOption() => new("--store")
    {
        Description = "The store to use instead of the sources file's \"store\": an SQLite file, or postgresql:<connection string> (postgresql:$VAR reads it from the environment variable VAR).",
    };

    internal static Option<FileInfo?> MatchingOption() => new("--matching")
    {
        Description = "Matching configuration (JSON) to use instead of the built-in one.",
    };

    private static Command Demo()
    {
        var store = new Option<string>("--store") { Description = "Store file for the demo (replaced on every run).", DefaultValueFactory = _ => Path.Combine("mdm-data", "demo.db") };
        var serve = new Option<bool>("--serve") { Description = "Then serve the API and the call-center and steward pages over the demo store (with a fresh key per role, printed) until Ctrl+C." };
        var urls = ServeCommand.UrlsOption();
        var cmd = new Command("demo", "Loads the bundled sample of four legacy systems into a fresh store, resolves it and measures accuracy against the bundled truth.") { store, serve, urls };
        cmd.SetAction(parse => Guard(() =>
        {
            var sample = Path.Combine(AppContext.BaseDirectory, "Samples", "demo");
            var sourcesPath = Path.Combine(sample, "sources.json");
            if (!File.Exists(sourcesPath)) throw new FileNotFoundException($"bundled sample not found at {sourcesPath}");
            var storePath = Path.GetFullPath(parse.GetValue(store)!);
            DeleteStore(storePath);
            var file = SourcesFile.Load(sourcesPath);
            AnsiConsole.MarkupLine($"Demo: {file.Sources.Count} source systems from [blue]{Markup.Escape(sample)}[/]");
            var summary = ConsoleProgress.Run(p => LoadJob.Run(file, new LoadOptions { StorePath = storePath }, p));
            Reports.Summary(summary, storePath);
            var truthPath = Path.Combine(sample, "truth.csv");
            Reports.Evaluation(EvaluateStore(storePath, truthPath));
            if (!parse.GetValue(serve)) return 0;
            var keys = ServeCommand.DemoKeys();
            var app = Http.MdmServer.Build(new Http.ServeOptions { SourcesPath = sourcesPath, StorePath = storePath, Urls = parse.GetValue(urls), FallbackKeys = keys });
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                var at = app.Urls.FirstOrDefault() ?? Http.MdmServer.DefaultUrls;
                Console.WriteLine("Demo API keys (this run only):");
                foreach (var (name, entry) in keys) Console.WriteLine($"  {entry.Role,-8} {entry.Key}");
                Console.WriteLine($"Call center: {at}/callcenter.html#key={keys["demo-agent"].Key}");
                Console.WriteLine($"Steward:     {at}/steward.html#key={keys["demo-steward"].Key}");
                Console.WriteLine($"API:         {at}/api-docs   (Ctrl+C stops the server)");
            });
            app.Run();
            return 0;
        }));
        return cmd;
    }

    private static Command Load()
    {
        var config = ConfigOption();
        var store = StoreOption();
        var matching = MatchingOption();
        var retrain = new Option<bool>("--retrain") { Description = "Re-estimate the matching model (EM) even if the store holds one (implies --full)." };
        var full = new Option<bool>("--full") { Description = "Re-resolve every record, not only the records that changed and the customers they touch." };
        var cmd = new Command("load", "Loads every source of the sources file (new, changed and retired records) and resolves what changed into golden customers.") { config, store, matching, retrain, full };
        cmd.SetAction(parse => Guard(() =>
        {
            var file = SourcesFile.Load(parse.GetValue(config)!.FullName);
            var options = new LoadOptions
            {
                StorePath = parse.GetValue(store), MatchingPath = parse.GetValue(matching)?.FullName, Retrain = parse.GetValue(retrain), Full = parse.GetValue(full),
                Wait = Wait(parse),
            };
            var summary = ConsoleProgress.Run(p => LoadJob.Run(file, options, p));
            Reports.Summary(summary, StoreLocation.Of(file, options.StorePath).Location);
            // Loaded, but a full extract did not look cleanly read and retired nothing: the caller must look (exit 3).
            var withheld = summary.WithheldRetirements.ToList();
            foreach (var w in withheld)
                Console.Error.WriteLine($"mdm: {w.System}: {w.RetirementsWithheld:N0} record(s) missing from the extract were NOT retired: {w.RetirementWithheld}. " +
                                        "Check the file; if it is right, lower the system's \"retirement\" thresholds in the sources file and load again.");
            return withheld.Count > 0 ? 3 : 0;
        }));
        return cmd;
    }

    private static Command Export()
    {
        var config = ConfigOption();
        var store = StoreOption();
        var output = new Option<FileInfo>("--out", "-o") { Description = "CSV file to write.", Required = true };
        var xref = new Command("xref", "Writes the cross-reference: one row per accepted source record, header system,key,golden_id.") { config, store, output };
        xref.SetAction(parse => Guard(() =>
        {
            var file = SourcesFile.Load(parse.GetValue(config)!.FullName);
            var target = StoreLocation.Of(file, parse.GetValue(store)).RequireExisting();
            var outPath = parse.GetValue(output)!.FullName;
            Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
            long rows = 0;
            using (var s = target.OpenReader())
            using (var writer = new StreamWriter(outPath, false, new System.Text.UTF8Encoding(false)))
            using (var csv = CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: false))
            {
                csv.WriteField("system"); csv.WriteField("key"); csv.WriteField("golden_id"); csv.EndRecord();
                foreach (var x in s.ReadCrossReference())
                {
                    csv.WriteField(SpreadsheetSafe.Cell(x.System)); csv.WriteField(SpreadsheetSafe.Cell(x.Key)); csv.WriteField(x.GoldenId); csv.EndRecord();
                    rows++;
                }
            }
            AnsiConsole.MarkupLine($"Wrote {rows:N0} cross-reference rows to [blue]{Markup.Escape(outPath)}[/]");
            return 0;
        }));
        var cmd = new Command("export", "Exports data from the store.") { xref };
        return cmd;
    }

    private static Command Evaluate()
    {
        var config = ConfigOption();
        var store = StoreOption();
        var matching = MatchingOption();
        var truth = new Option<FileInfo>("--truth", "-t") { Description = "Truth CSV with header system,key,entity.", Required = true };
        var pairs = new Option<int>("--diagnose")
        {
            Description = "How many missed and falsely merged pairs to score again and break down by cause and comparison level (0: none).",
            DefaultValueFactory = _ => 20_000,
        };
        var cmd = new Command("evaluate",
            "Measures the store's golden customers against labelled truth: pairwise precision, recall, F1, false merges and missed pairs, " +
            "and why the errors happened (cause, comparison levels, whole patterns).") { config, store, matching, truth, pairs };
        cmd.SetAction(parse => Guard(() =>
        {
            var file = SourcesFile.Load(parse.GetValue(config)!.FullName);
            var target = StoreLocation.Of(file, parse.GetValue(store)).RequireExisting();
            var limit = parse.GetValue(pairs);
            var evaluation = EvaluateStore(target, parse.GetValue(truth)!.FullName, limit);
            Reports.Evaluation(evaluation);
            if (limit > 0 && (evaluation.MissedPairList.Count > 0 || evaluation.FalseMergePairList.Count > 0))
            {
                var configuration = StoreLocation.Matching(parse.GetValue(matching)?.FullName);
                using var s = target.OpenReader();
                foreach (var (list, missed) in new[] { (evaluation.MissedPairList, true), (evaluation.FalseMergePairList, false) })
                {
                    if (list.Count == 0) continue;
                    var diagnoses = PairDiagnostics.Diagnose(s, configuration, list);
                    Reports.Breakdown(ErrorBreakdown.Of(diagnoses, missed, configuration.LinkThreshold), missed ? evaluation.MissedPairs : evaluation.FalseMergePairs);
                }
            }
            return 0;
        }));
        return cmd;
    }

    private static Command Explain()
    {
        var config = ConfigOption();
        var store = StoreOption();
        var matching = MatchingOption();
        var a = new Argument<string>("record-a") { Description = "The first record as system/key." };
        var b = new Argument<string>("record-b") { Description = "The second record as system/key." };
        var cmd = new Command("explain",
            "Scores two stored records with the store's model and shows why: each comparison's level and weight, the cap, their standardized values and blocking keys.")
            { config, store, matching, a, b };
        cmd.SetAction(parse => Guard(() =>
        {
            var file = SourcesFile.Load(parse.GetValue(config)!.FullName);
            var target = StoreLocation.Of(file, parse.GetValue(store)).RequireExisting();
            var configuration = StoreLocation.Matching(parse.GetValue(matching)?.FullName);
            string nameA = parse.GetValue(a)!, nameB = parse.GetValue(b)!;
            using var s = target.OpenReader();
            var records = PairDiagnostics.Standardize(s, [nameA, nameB]);
            foreach (var name in new[] { nameA, nameB })
                if (!records.ContainsKey(name)) throw new ArgumentException($"no active record {name} in {target.Location} (give it as system/key)");
            var diagnosis = PairDiagnostics.Diagnose(s, configuration, [(nameA, nameB)])[0];
            Reports.Explanation(diagnosis, records[nameA], records[nameB], new Mdm.Engine.Candidates.BlockingKeyBuilder(configuration));
            return 0;
        }));
        return cmd;
    }

    public static PairwiseEvaluation EvaluateStore(string storePath, string truthPath, int maxErrorPairs = 0) =>
        EvaluateStore(new StoreTarget { Provider = StoreTarget.Sqlite, Connection = storePath, Location = storePath, FilesPath = storePath }, truthPath, maxErrorPairs);

    public static PairwiseEvaluation EvaluateStore(StoreTarget target, string truthPath, int maxErrorPairs = 0)
    {
        var truth = TruthFile.Read(truthPath);
        var predicted = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var s = target.OpenReader())
            foreach (var x in s.ReadCrossReference()) predicted[x.System + "/" + x.Key] = x.GoldenId;
        return PairwiseEvaluation.Compute(predicted, truth, maxErrorPairs: maxErrorPairs);
    }

    private static void DeleteStore(string storePath)
    {
        foreach (var f in new[] { storePath, storePath + "-wal", storePath + "-shm" })
            if (File.Exists(f)) File.Delete(f);
        if (Directory.Exists(StoreLocation.IndexPathOf(storePath))) Directory.Delete(StoreLocation.IndexPathOf(storePath), recursive: true);
    }

    /// <summary>Known failures (bad configuration, missing files) print one clear line and exit 2, not a stack trace.</summary>
    internal static int Guard(Func<int> action)
    {
        try
        {
            return action();
        }
        // Another writer held the store too long: a temporary failure (sysexits EX_TEMPFAIL), worth a retry.
        catch (StoreBusyException ex)
        {
            Console.Error.WriteLine($"mdm: {ex.Message}");
            return 75;
        }
        // ArgumentException: a golden ID, record or system that does not exist; InvalidOperationException: a store that
        // cannot resolve in real time yet (the message says which command to run).
        catch (Exception ex) when (ex is SourcesFileException or FileNotFoundException or FormatException or DirectoryNotFoundException
                                       or IOException or ArgumentException or InvalidOperationException or UnauthorizedAccessException or NotSupportedException)
        {
            Console.Error.WriteLine($"mdm: {ex.Message}");
            return 2;
        }
        // A store failure outside a load (steward, resolve): the load names the store (StoreUnavailableException).
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
        {
            Console.Error.WriteLine($"mdm: the store failed: {ex.Message}; the failed write was rolled back");
            return 2;
        }
    }
}
