using Mdm.Application;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Mdm.Connectors.Configuration;
using Mdm.Engine.Resolution;
using Mdm.Engine.Stewardship;
using Mdm.Engine.Storage;
using Spectre.Console;

namespace Mdm.Api.Cli;

/// <summary>
/// <c>mdm reviews</c>, <c>mdm rejects</c> and <c>mdm golden</c>: what a steward looks at before deciding. Readers: they open
/// the store without the writer lock (as <c>mdm history</c> does) and see the last committed run.
/// </summary>
internal static class ReaderCommands
{
    private static Option<bool> JsonOption() => new("--json") { Description = "Print JSON instead of a table." };

    private static Option<int> LimitOption(int byDefault) => new("--limit", "-n")
    {
        Description = "Show at most this many.",
        DefaultValueFactory = _ => byDefault,
    };

    /// <summary>The store of the sources file (or --store), opened to read; a missing store is a clear error, never a new file.</summary>
    private static IMdmStore OpenReader(ParseResult parse, Option<FileInfo> config, Option<string?> store)
    {
        var file = SourcesFile.Load(parse.GetValue(config)!.FullName);
        return StoreLocation.Of(file, parse.GetValue(store)).RequireExisting().OpenReader();
    }

    private static int Limit(ParseResult parse, Option<int> limit)
    {
        var n = parse.GetValue(limit);
        return n >= 0 ? n : throw new FormatException($"--limit must be 0 or more, not {n}");
    }

    public static Command Reviews()
    {
        var config = MdmCommandLine.ConfigOption(); var store = MdmCommandLine.StoreOption(); var matching = MdmCommandLine.MatchingOption();
        var limit = LimitOption(50); var json = JsonOption();
        var status = new Option<string>("--status")
        {
            Description = "Which tasks: open (the queue), linked, separated (decided) or all.",
            DefaultValueFactory = _ => "open",
        };
        status.AcceptOnlyFromAmong([.. ReviewQueue.Statuses]);
        var cmd = new Command("reviews",
            "Lists review tasks, most worth a steward's time first: probability nearest the link threshold (and, once customer values exist, the more valuable customer).")
            { config, store, matching, status, limit, json };
        cmd.SetAction(parse => MdmCommandLine.Guard(() =>
        {
            var n = Limit(parse, limit);
            using var s = OpenReader(parse, config, store);
            var matchingConfiguration = StoreLocation.Matching(parse.GetValue(matching)?.FullName);
            var items = new ReviewQueue(s, matchingConfiguration).Read(parse.GetValue(status)!, n);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(items.Select(ReviewJson), LiveCommands.Json));
                return 0;
            }
            if (items.Count == 0)
            {
                AnsiConsole.MarkupLine($"No {Markup.Escape(parse.GetValue(status)!)} review tasks.");
                return 0;
            }
            var table = new Table().AddColumns("task", "priority", "probability", "reason", "record A", "golden A", "record B", "golden B");
            foreach (var i in items)
                table.AddRow(i.TaskId.ToString(CultureInfo.InvariantCulture), i.Priority.ToString("0.000", CultureInfo.InvariantCulture),
                    i.Probability.ToString("0.0000", CultureInfo.InvariantCulture), Markup.Escape(i.Task.Reason),
                    Markup.Escape(Describe(i.Task.RecordA)), Markup.Escape(i.Task.GoldenA), Markup.Escape(Describe(i.Task.RecordB)), Markup.Escape(i.Task.GoldenB));
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"{items.Count} task(s); link threshold {matchingConfiguration.LinkThreshold.ToString(CultureInfo.InvariantCulture)}. " +
                                   "Decide one with: mdm steward decide TASK --same|--different --by NAME --config …; why: mdm explain A B --config …");
            return 0;
        }));
        return cmd;
    }

    private static object ReviewJson(ReviewQueueItem i) => new
    {
        taskId = i.TaskId, status = i.Task.Status, priority = i.Priority, distanceBits = i.DistanceBits, valueCents = i.ValueCents,
        probability = i.Probability, reason = i.Task.Reason,
        recordA = new { system = i.Task.RecordA.System, key = i.Task.RecordA.Key, goldenId = i.Task.GoldenA, fields = i.Task.RecordA.Fields },
        recordB = new { system = i.Task.RecordB.System, key = i.Task.RecordB.Key, goldenId = i.Task.GoldenB, fields = i.Task.RecordB.Fields },
        // The stored MatchExplanation as it is, not re-serialized: a page renders it as the scorer wrote it.
        explanation = JsonDocument.Parse(i.Task.Explanation).RootElement,
        createdRun = i.Task.CreatedRun, decidedAt = i.Task.DecidedAt, decidedBy = i.Task.DecidedBy,
    };

    /// <summary>system/key and the record's name, enough to tell the two sides apart in a table.</summary>
    private static string Describe(ReviewRecord r)
    {
        var name = r.Fields.GetValueOrDefault("name")
                   ?? string.Join(' ', new[] { r.Fields.GetValueOrDefault("given_name"), r.Fields.GetValueOrDefault("family_name") }.Where(x => !string.IsNullOrEmpty(x)));
        return string.IsNullOrEmpty(name) ? $"{r.System}/{r.Key}" : $"{r.System}/{r.Key} {name}";
    }

    public static Command Rejects()
    {
        var config = MdmCommandLine.ConfigOption(); var store = MdmCommandLine.StoreOption();
        var limit = LimitOption(100); var json = JsonOption();
        var system = new Option<string?>("--system", "-s") { Description = "Only this source system's rejects." };
        var run = new Option<long?>("--run") { Description = "The load run whose rejects to show (default: the last load)." };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Also write them to this CSV file (spreadsheet-safe cells)." };
        var cmd = new Command("rejects", "Lists the rows and lines a load rejected: source, line, key, field, reason and the raw text.")
            { config, store, system, run, limit, json, output };
        cmd.SetAction(parse => MdmCommandLine.Guard(() =>
        {
            var n = Limit(parse, limit);
            using var s = OpenReader(parse, config, store);
            var runId = parse.GetValue(run) ?? s.LastLoadRun() ?? throw new InvalidOperationException($"{s.Location} has no load yet: run 'mdm load' first");
            var rows = s.ReadRejects(runId, parse.GetValue(system), n);
            if (parse.GetValue(output) is { } outFile) WriteCsv(rows, outFile.FullName);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { run = runId, rejects = rows }, LiveCommands.Json));
                return 0;
            }
            var which = parse.GetValue(system) is { } sys ? $" of {sys}" : "";
            if (rows.Count == 0)
            {
                AnsiConsole.MarkupLine($"Run {runId}: no rejects{Markup.Escape(which)}.");
                return 0;
            }
            var table = new Table().AddColumns("system", "line", "key", "field", "reason", "raw text");
            foreach (var r in rows)
                table.AddRow(Markup.Escape(r.System), r.Line?.ToString(CultureInfo.InvariantCulture) ?? "", Markup.Escape(r.Key ?? ""), Markup.Escape(r.Field ?? ""),
                    Markup.Escape(r.Reason), Markup.Escape(Shorten(r.RawText)));
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"Run {runId}: {rows.Count} reject(s){Markup.Escape(which)}{(rows.Count == n ? $" (the first {n}; --limit for more)" : "")}.");
            return 0;
        }));
        return cmd;
    }

    /// <summary>A raw line can be 4 MiB: a table cell shows its start, one line; JSON and CSV carry all of it.</summary>
    private static string Shorten(string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return "";
        var oneLine = raw.ReplaceLineEndings(" ");
        return oneLine.Length <= 80 ? oneLine : oneLine[..80] + "…";
    }

    private static void WriteCsv(IReadOnlyList<StoredReject> rows, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: false);
        foreach (var h in new[] { "run", "system", "line", "key", "field", "reason", "raw_text" }) csv.WriteField(h);
        csv.EndRecord();
        foreach (var r in rows)
        {
            csv.WriteField(r.RunId.ToString(CultureInfo.InvariantCulture)); csv.WriteField(SpreadsheetSafe.Cell(r.System));
            csv.WriteField(r.Line?.ToString(CultureInfo.InvariantCulture) ?? ""); csv.WriteField(SpreadsheetSafe.Cell(r.Key));
            csv.WriteField(SpreadsheetSafe.Cell(r.Field)); csv.WriteField(SpreadsheetSafe.Cell(r.Reason)); csv.WriteField(SpreadsheetSafe.Cell(r.RawText));
            csv.EndRecord();
        }
    }

    public static Command Golden()
    {
        var config = MdmCommandLine.ConfigOption(); var store = MdmCommandLine.StoreOption(); var json = JsonOption();
        var id = new Argument<string>("golden-id-or-record") { Description = "A golden ID (a redirected one is followed) or a source record as system/key." };
        var cmd = new Command("golden", "Shows a golden customer: each field with the source record and rule it came from, and its member records.") { id, config, store, json };
        cmd.SetAction(parse => MdmCommandLine.Guard(() =>
        {
            using var s = OpenReader(parse, config, store);
            var asked = parse.GetValue(id)!;
            string start;
            if (asked.IndexOf('/', StringComparison.Ordinal) is var slash and > 0 && slash < asked.Length - 1)
                start = s.LookupGoldenId(asked[..slash], asked[(slash + 1)..]) ?? throw new ArgumentException($"no record {asked} in the cross-reference (give system/key of an accepted record, or a golden ID)");
            else
                start = asked;
            var current = s.ResolveGoldenId(start) ?? throw new ArgumentException($"no golden ID {asked}");
            var record = s.ReadGoldenRecord(current)
                ?? throw new ArgumentException($"{current} is {s.ReadGoldenIdStatus(current)?.Status ?? "unknown"}: it has no golden record (mdm history {current} says why)");
            var lineage = GoldenLineage.Parse(record.LineageJson);
            var members = s.ReadMembers(current);
            var fields = record.Fields.OrderBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => (Field: f.Key, f.Value, From: lineage.GetValueOrDefault(f.Key))).ToList();
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    asked, goldenId = current, kind = record.Kind.ToString().ToLowerInvariant(), systems = record.Systems,
                    fields = fields.Select(f => new { field = f.Field, value = f.Value, system = f.From?.System, key = f.From?.Key, rule = f.From?.Rule }),
                    members = members.Select(m => new { system = m.System, key = m.Key, fields = m.Fields }),
                }, LiveCommands.Json));
                return 0;
            }
            if (start != asked) AnsiConsole.MarkupLine($"{Markup.Escape(asked)} belongs to {Markup.Escape(start)}");
            if (current != start) AnsiConsole.MarkupLine($"{Markup.Escape(start)} redirects to [green]{Markup.Escape(current)}[/]");
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(current)}[/] {record.Kind.ToString().ToLowerInvariant()}, {members.Count} record(s) from {Markup.Escape(string.Join(", ", record.Systems))}");
            var table = new Table().AddColumns("field", "value", "from", "rule");
            foreach (var f in fields)
                table.AddRow(Markup.Escape(f.Field), Markup.Escape(f.Value), Markup.Escape(f.From is null ? "" : $"{f.From.System}/{f.From.Key}"), Markup.Escape(f.From?.Rule ?? ""));
            AnsiConsole.Write(table);
            var memberTable = new Table().AddColumns("member", "source fields");
            foreach (var m in members)
                memberTable.AddRow(Markup.Escape($"{m.System}/{m.Key}"), Markup.Escape(string.Join("  ", m.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"))));
            AnsiConsole.Write(memberTable);
            return 0;
        }));
        return cmd;
    }
}
