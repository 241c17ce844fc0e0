using System.Diagnostics;
using System.Globalization;

namespace Mdm.Benchmarks.Generator;

/// <summary>
/// The <c>generate</c> verb: <c>generate --entities 2000 [--seed 7] --out DIR [--bad-rows 0.01] [--dirt 2] [--extra-payments 2]</c>.
/// Prints the counts; returns a process exit code.
/// </summary>
public static class GenerateCommand
{
    /// <summary>One-line usage text.</summary>
    public const string Usage = "usage: generate --entities N --out DIR [--seed S] [--bad-rows RATE] [--dirt FACTOR] [--extra-payments MEAN_PER_RECORD]";

    /// <summary>Parses <paramref name="args"/> (the words after "generate"), generates, prints counts; 0 on success, 2 on bad arguments.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        int? entities = null;
        var seed = 42;
        var badRows = 0.0;
        var dirt = 1.0;
        var extraPayments = 0.0;
        string? outDir = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                output.WriteLine(Usage);
                return 0;
            }
            if (i + 1 >= args.Count)
            {
                error.WriteLine($"missing value for {name}\n{Usage}");
                return 2;
            }
            var value = args[++i];
            var ok = name switch
            {
                "--entities" => TryInt(value, out var n) && (entities = n) > 0,
                "--seed" => TryInt(value, out seed),
                "--bad-rows" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out badRows) && badRows is >= 0 and <= 0.5,
                "--dirt" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out dirt) && dirt is >= 0 and <= 10,
                "--out" => (outDir = value).Length > 0,
                "--extra-payments" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out extraPayments) && extraPayments is >= 0 and <= 100,
                _ => false,
            };
            if (!ok)
            {
                error.WriteLine($"invalid option {name} {value}\n{Usage}");
                return 2;
            }
        }
        if (entities is null || outDir is null)
        {
            error.WriteLine(Usage);
            return 2;
        }
        var watch = Stopwatch.StartNew();
        var result = DatasetGenerator.Generate(outDir, new GeneratorOptions(entities.Value, seed, badRows, dirt, extraPayments));
        watch.Stop();
        output.WriteLine($"wrote {result.Directory} in {watch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s (seed {seed})");
        output.WriteLine($"  entities      {result.Entities,12:N0}");
        output.WriteLine($"  records       {result.Records,12:N0}  ({(double)result.Records / result.Entities:F2} per entity)");
        foreach (var (system, count) in result.RecordsPerSystem) output.WriteLine($"    {system,-10}  {count,12:N0}");
        output.WriteLine($"  transactions  {result.Transactions,12:N0}");
        output.WriteLine($"  bad rows      {result.BadRows,12:N0}");
        return 0;
    }

    private static bool TryInt(string s, out int value) =>
        int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
}
