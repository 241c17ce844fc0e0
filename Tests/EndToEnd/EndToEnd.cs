using Mdm.Application;
using System.Globalization;
using System.Text;
using Mdm.Api.Cli;
using Mdm.Connectors.Configuration;
using Mdm.Engine.Pipeline;
using Mdm.Engine.Storage;
using Microsoft.Data.Sqlite;
using Mdm.Engine.Resolution;

namespace Mdm.Tests.EndToEnd;

/// <summary>
/// What the end-to-end tests share: the repository's bundled demo, temp folders, loading a sources file the way
/// <c>mdm load</c> does, and reading back what the store holds.
/// </summary>
internal static class EndToEnd
{
    public static readonly Encoding Utf8NoBom = new UTF8Encoding(false);

    private static readonly Lazy<string> RepoRootLazy = new(FindRepoRoot);

    /// <summary>The folder holding Mdm.sln, found by walking up from the test output folder.</summary>
    public static string RepoRoot => RepoRootLazy.Value;

    /// <summary>The bundled demo sample (sources.json, truth.csv and four source files).</summary>
    public static string DemoDirectory => Path.Combine(RepoRoot, "Api", "Samples", "demo");

    public static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("gb18030");
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Mdm.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Mdm.sln not found above {TestContext.CurrentContext.TestDirectory}");
    }

    public static string NewTempDirectory(string purpose)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"mdm-e2e-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static void DeleteDirectory(string? dir)
    {
        if (dir is null || !Directory.Exists(dir)) return;
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // a handle left open by a failing test; the OS temp cleaner gets it
        }
    }

    /// <summary>Loads a sources file into <paramref name="storePath"/> exactly as <c>mdm load --store</c> does.</summary>
    public static LoadSummary Load(string sourcesPath, string storePath) =>
        LoadJob.Run(SourcesFile.Load(sourcesPath), new LoadOptions { StorePath = storePath });

    public static SystemLoadSummary Of(this LoadSummary summary, string system) =>
        summary.Systems.SingleOrDefault(s => s.System == system)
        ?? throw new AssertionException($"no load summary for system '{system}' (have: {string.Join(", ", summary.Systems.Select(s => s.System))})");

    /// <summary>The store's cross-reference as "system/key" → golden ID.</summary>
    public static Dictionary<string, string> CrossReference(string storePath)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var store = SqliteMdmStore.Open(storePath);
        foreach (var x in store.ReadCrossReference())
            Assert.That(result.TryAdd(x.System + "/" + x.Key, x.GoldenId), Is.True, $"{x.System}/{x.Key} twice in the cross-reference");
        return result;
    }

    /// <summary>Rows of a read-only query, each mapped by <paramref name="map"/>.</summary>
    public static List<T> Query<T>(string storePath, string sql, Func<SqliteDataReader, T> map)
    {
        var rows = new List<T>();
        using var store = SqliteMdmStore.Open(storePath);
        using var cmd = store.CreateQuery(sql);
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) rows.Add(map(reader));
        return rows;
    }

    public static long Count(string storePath, string sql) =>
        Query(storePath, sql, r => r.GetInt64(0)).Single();

    /// <summary>truth.csv as "system/key" → entity.</summary>
    public static Dictionary<string, string> Truth(string truthPath) => TruthFile.Read(truthPath);

    /// <summary>rejects_expected.csv: the generator's deliberately bad rows.</summary>
    public static List<(string System, long Line, string Reason)> ExpectedRejects(string path)
    {
        var rows = new List<(string, long, string)>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (line.Length == 0) continue;
            var parts = line.Split(',');
            Assert.That(parts, Has.Length.EqualTo(3), $"rejects_expected.csv row '{line}'");
            rows.Add((parts[0], long.Parse(parts[1], CultureInfo.InvariantCulture), parts[2]));
        }
        return rows;
    }

    /// <summary>Runs an <c>mdm</c> command line in-process; returns its exit code and what it wrote to standard output and error.</summary>
    public static (int ExitCode, string Output, string Error) RunCliCapturingOutput(params string[] args)
    {
        var original = Console.Out;
        var originalAnsi = Spectre.Console.AnsiConsole.Console;
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        Console.SetOut(output);
        // AnsiConsole binds to the writer Console.Out had when it was first used: point it at this capture, and back after.
        // Plain text, as wide as a usual terminal, so tests read figures rather than escape codes and wrapped cells.
        var capture = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Out = new Spectre.Console.AnsiConsoleOutput(output), Ansi = Spectre.Console.AnsiSupport.No, ColorSystem = Spectre.Console.ColorSystemSupport.NoColors,
        });
        capture.Profile.Width = 160;
        Spectre.Console.AnsiConsole.Console = capture;
        try
        {
            var (exit, error) = RunCli(args);
            return (exit, output.ToString(), error);
        }
        finally
        {
            Console.SetOut(original);
            Spectre.Console.AnsiConsole.Console = originalAnsi;
        }
    }

    /// <summary>Runs an <c>mdm</c> command line in-process; returns its exit code and what it wrote to standard error.</summary>
    public static (int ExitCode, string Error) RunCli(params string[] args)
    {
        var original = Console.Error;
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        Console.SetError(error);
        try
        {
            var exitCode = MdmCommandLine.Build().Parse(args).Invoke();
            return (exitCode, error.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }
}
