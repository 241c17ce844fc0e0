using Mdm.Application;
using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mdm.Connectors;
using Mdm.Connectors.Configuration;
using Mdm.Engine.Pipeline;
using Mdm.Engine.Stewardship;
using Mdm.Engine.Storage;
using Spectre.Console;

namespace Mdm.Api.Cli;

/// <summary>
/// Commands on a resolved store: <c>mdm resolve</c> (one record in real time), <c>mdm steward …</c> (merge, split,
/// decide a review task) and <c>mdm history</c>. All go through the engine's live path: the same one a load uses.
/// </summary>
internal static class LiveCommands
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static Option<FileInfo> Config() => MdmCommandLine.ConfigOption();
    private static Option<string?> Store() => MdmCommandLine.StoreOption();
    private static Option<FileInfo?> Matching() => MdmCommandLine.MatchingOption();
    private static Option<string> By() => new("--by") { Description = "The steward's name (kept with the decision and in the history).", Required = true };
    private static Option<string?> Note() => new("--note") { Description = "Why: kept with the decision and in the history." };

    /// <summary>Opens the writer's session over the store the sources file names; the caller disposes it.</summary>
    private static EngineSession Open(ParseResult parse, Option<FileInfo> config, Option<string?> store, Option<FileInfo?> matching, string command)
    {
        var file = SourcesFile.Load(parse.GetValue(config)!.FullName);
        // Real-time resolves and steward decisions keep the values of the customers they touch current; the search
        // index is the server's (it catches up with what these commands wrote when it next starts).
        return EngineSession.OpenExisting(file, StoreLocation.Of(file, parse.GetValue(store)), parse.GetValue(matching)?.FullName, command,
            MdmCommandLine.Wait(parse), withSearch: false);
    }

    public static Command Resolve()
    {
        var config = Config(); var store = Store(); var matching = Matching();
        var system = new Option<string>("--system", "-s") { Description = "The source system the record comes from (as named in the sources file).", Required = true };
        var json = new Option<string>("--json", "-j") { Description = "The record as a JSON object whose property names are the system's column names.", Required = true };
        var cmd = new Command("resolve", "Resolves one source record in real time and prints its golden ID, the outcome and the match explanation (JSON).")
            { config, store, matching, system, json };
        cmd.SetAction(parse => Guard(() =>
        {
            using var session = Open(parse, config, store, matching, "resolve");
            var (engine, file) = (session.Engine, session.File);
            {
                var name = parse.GetValue(system)!;
                var source = file.Sources.FirstOrDefault(x => x.System == name)
                    ?? throw new ArgumentException($"system '{name}' is not in {file.FilePath}; systems there: {string.Join(", ", file.Sources.Select(x => x.System))}");
                var row = FileConnectors.ParseRecord(source, file, parse.GetValue(json)!);
                if (row.Reject is { } reject)
                {
                    Console.Error.WriteLine($"mdm: record rejected: {reject.Reason}{(reject.Field is null ? "" : $" (field {reject.Field})")}");
                    return 1;
                }
                var result = engine.ResolveRecord(row.Record!);
                Console.WriteLine(JsonSerializer.Serialize(result, Json));
                return 0;
            }
        }));
        return cmd;
    }

    public static Command Steward()
    {
        var cmd = new Command("steward", "Data-steward decisions: they win over the scorer on every later run and are kept in the history.");

        {
            var config = Config(); var store = Store(); var matching = Matching(); var by = By(); var note = Note();
            var a = new Argument<string>("golden-a") { Description = "A golden ID (a redirected one is followed)." };
            var b = new Argument<string>("golden-b") { Description = "The other golden ID." };
            var merge = new Command("merge", "Joins two golden customers: the older ID survives, the other redirects to it.") { a, b, config, store, matching, by, note };
            merge.SetAction(parse => Run(parse, config, store, matching, e => e.Merge(parse.GetValue(a)!, parse.GetValue(b)!, parse.GetValue(by)!, parse.GetValue(note))));
            cmd.Add(merge);
        }
        {
            var config = Config(); var store = Store(); var matching = Matching(); var by = By(); var note = Note();
            var g = new Argument<string>("golden-id") { Description = "The golden customer to split." };
            var records = new Option<string[]>("--record", "-r") { Description = "A record that leaves, as system/key (repeat for several).", Required = true, AllowMultipleArgumentsPerToken = true };
            var split = new Command("split", "Takes records out of a golden customer: they get a new golden ID, the rest keeps the old one.") { g, config, store, matching, records, by, note };
            split.SetAction(parse => Run(parse, config, store, matching, e => e.Split(parse.GetValue(g)!, parse.GetValue(records)!.Select(SystemKey).ToList(), parse.GetValue(by)!, parse.GetValue(note))));
            cmd.Add(split);
        }
        {
            var config = Config(); var store = Store(); var matching = Matching(); var by = By(); var note = Note();
            var task = new Argument<long>("task-id") { Description = "The review task." };
            var same = new Option<bool>("--same") { Description = "The two records are the same customer." };
            var different = new Option<bool>("--different") { Description = "The two records are different customers." };
            var decide = new Command("decide", "Decides an open review task: --same links the records for good, --different keeps them apart for good.") { task, config, store, matching, same, different, by, note };
            decide.SetAction(parse =>
            {
                if (parse.GetValue(same) == parse.GetValue(different))
                {
                    Console.Error.WriteLine("mdm: say either --same or --different");
                    return 2;
                }
                return Run(parse, config, store, matching, e => e.DecideReview(parse.GetValue(task), parse.GetValue(same), parse.GetValue(by)!, parse.GetValue(note)));
            });
            cmd.Add(decide);
        }
        {
            var config = Config(); var store = Store(); var matching = Matching(); var by = By(); var note = Note();
            var a = new Argument<string>("record-a") { Description = "A source record as system/key." };
            var b = new Argument<string>("record-b") { Description = "Another source record as system/key." };
            var link = new Command("link", "Forces two source records into one customer, on every later run.") { a, b, config, store, matching, by, note };
            link.SetAction(parse => Run(parse, config, store, matching, e => e.Decide(SystemKey(parse.GetValue(a)!), SystemKey(parse.GetValue(b)!), true, parse.GetValue(by)!, parse.GetValue(note))));
            cmd.Add(link);
            var a2 = new Argument<string>("record-a") { Description = "A source record as system/key." };
            var b2 = new Argument<string>("record-b") { Description = "Another source record as system/key." };
            var config2 = Config(); var store2 = Store(); var matching2 = Matching(); var by2 = By(); var note2 = Note();
            var separate = new Command("separate", "Keeps two source records in different customers, on every later run.") { a2, b2, config2, store2, matching2, by2, note2 };
            separate.SetAction(parse => Run(parse, config2, store2, matching2, e => e.Decide(SystemKey(parse.GetValue(a2)!), SystemKey(parse.GetValue(b2)!), false, parse.GetValue(by2)!, parse.GetValue(note2))));
            cmd.Add(separate);
        }
        {
            var config = Config(); var store = Store(); var matching = Matching(); var by = By(); var note = Note();
            var g = new Argument<string>("golden-id") { Description = "The golden customer whose last steward action is undone (a redirected ID is followed)." };
            var undo = new Command("undo", "Undoes the last steward action on a customer: its records go back to the customers (and golden IDs) they formed before it.")
                { g, config, store, matching, by, note };
            undo.SetAction(parse => Run(parse, config, store, matching, e => e.Undo(parse.GetValue(g)!, parse.GetValue(by)!, parse.GetValue(note))));
            cmd.Add(undo);
        }
        return cmd;
    }

    private static int Run(ParseResult parse, Option<FileInfo> config, Option<string?> store, Option<FileInfo?> matching, Func<MdmEngine, StewardResult> action) => Guard(() =>
    {
        using var session = Open(parse, config, store, matching, "steward");
        {
            var result = action(session.Engine);
            AnsiConsole.MarkupLine($"Golden IDs now: [green]{Markup.Escape(string.Join(", ", result.GoldenIds))}[/]");
            foreach (var e in result.Events) AnsiConsole.MarkupLine($"  {Markup.Escape(e.GoldenId)} [yellow]{Markup.Escape(e.Kind)}[/]: {Markup.Escape(e.Detail)}");
            return 0;
        }
    });

    public static Command History()
    {
        var config = Config(); var store = Store();
        var g = new Argument<string>("golden-id") { Description = "A golden ID (current or retired)." };
        var json = new Option<bool>("--json") { Description = "Print the events as JSON (with before/after members and match explanations)." };
        var cmd = new Command("history", "Shows what happened to a golden ID and to the IDs merged into it: when, why (rule and score, or steward) and before/after.") { g, config, store, json };
        cmd.SetAction(parse => Guard(() =>
        {
            var file = SourcesFile.Load(parse.GetValue(config)!.FullName);
            using var s = StoreLocation.Of(file, parse.GetValue(store)).RequireExisting().OpenReader();
            var id = parse.GetValue(g)!;
            var current = s.ResolveGoldenId(id) ?? throw new ArgumentException($"no golden ID {id}");
            var events = s.ReadHistory(current);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { goldenId = id, current, events }, Json));
                return 0;
            }
            if (current != id) AnsiConsole.MarkupLine($"{Markup.Escape(id)} redirects to [green]{Markup.Escape(current)}[/]");
            var table = new Table().AddColumns("at", "golden ID", "event", "cause", "detail");
            foreach (var e in events) table.AddRow(Markup.Escape(e.At), Markup.Escape(e.GoldenId), Markup.Escape(e.Kind), Markup.Escape(e.Cause), Markup.Escape(e.Detail));
            AnsiConsole.Write(table);
            return 0;
        }));
        return cmd;
    }

    private static (string System, string Key) SystemKey(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == value.Length - 1) throw new ArgumentException($"'{value}' is not system/key");
        return (value[..slash], value[(slash + 1)..]);
    }

    private static int Guard(Func<int> action) => MdmCommandLine.Guard(action);
}
