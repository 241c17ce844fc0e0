using Mdm.Application;
using System.CommandLine;
using Mdm.Api.Reporting;
using Mdm.Connectors.Configuration;
using Mdm.Engine.Reports;
using Mdm.Engine.Storage;
using Spectre.Console;

namespace Mdm.Api.Cli;

/// <summary><c>mdm report</c> and <c>mdm profile</c>: the data-quality profile of a store, as a page with CSV files or as a terminal summary.</summary>
internal static class QualityCommands
{
    private static Option<int> ExamplesOption() => new("--examples")
    {
        Description = "Example keys kept per problem, so an owner can find and fix the records.",
        DefaultValueFactory = _ => 10,
    };

    public static Command Report()
    {
        var config = MdmCommandLine.ConfigOption();
        var store = MdmCommandLine.StoreOption();
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Folder for report.html and one CSV file per table.", Required = true };
        var examples = ExamplesOption();
        var cmd = new Command("report",
            "Writes the data-quality report: per source system records, rejects, duplicates, overlap, completeness, invalid values and conflicting " +
            "golden customers, and customers by region, as one self-contained HTML page (DIR/report.html) and a CSV file per table.")
            { config, store, output, examples };
        cmd.SetAction(parse => MdmCommandLine.Guard(() =>
        {
            var profile = Compute(parse.GetValue(config)!, parse.GetValue(store), parse.GetValue(examples));
            var files = HtmlReport.Write(profile, parse.GetValue(output)!.FullName);
            AnsiConsole.MarkupLine($"Profiled {profile.Overall.Records:N0} records of {profile.Systems.Count} system(s) in {profile.Seconds:0.0} s; " +
                                   $"wrote [blue]{Markup.Escape(files[0])}[/] and {files.Count - 1} CSV files");
            return 0;
        }));
        return cmd;
    }

    public static Command Profile()
    {
        var config = MdmCommandLine.ConfigOption();
        var store = MdmCommandLine.StoreOption();
        var examples = ExamplesOption();
        var cmd = new Command("profile", "Prints a short data-quality summary per source system (the figures of mdm report).") { config, store, examples };
        cmd.SetAction(parse => MdmCommandLine.Guard(() =>
        {
            Reports.Profile(Compute(parse.GetValue(config)!, parse.GetValue(store), parse.GetValue(examples)));
            return 0;
        }));
        return cmd;
    }

    private static QualityProfile Compute(FileInfo config, string? store, int examples)
    {
        if (examples < 0) throw new FormatException($"--examples must be 0 or more, not {examples}");
        var file = SourcesFile.Load(config.FullName);
        using var s = StoreLocation.Of(file, store).RequireExisting().OpenReader();
        return new QualityProfiler(s, examples).Compute();
    }
}
