using Mdm.Application;
using Mdm.Api.Cli;
using Mdm.Connectors.Configuration;
using Mdm.Engine.Pipeline;
using Mdm.Engine.Storage;
using Mdm.Engine.Resolution;

namespace Mdm.Tests.EndToEnd;

/// <summary>
/// A resolved store to work on: the bundled demo loaded once per test run, copied (store file and candidate index) for
/// each test that changes it, and opened with an engine the way <c>mdm resolve</c> and <c>mdm steward</c> open it.
/// </summary>
internal static class LiveStore
{
    private static readonly Lazy<string> Template = new(() =>
    {
        var dir = EndToEnd.NewTempDirectory("live-template");
        var store = Path.Combine(dir, "mdm.db");
        EndToEnd.Load(DemoSources, store);
        return store;
    });

    /// <summary>Deletes the template's folder when a test made one: called once, after the whole run (<see cref="TestRunCleanup"/>).</summary>
    public static void DeleteTemplate()
    {
        if (Template.IsValueCreated) EndToEnd.DeleteDirectory(Path.GetDirectoryName(Template.Value));
    }

    public static string DemoSources => Path.Combine(EndToEnd.DemoDirectory, "sources.json");

    /// <summary>A private copy of the loaded demo store (with its index) in <paramref name="directory"/>.</summary>
    public static string CopyOfLoadedDemo(string directory)
    {
        var source = Template.Value;
        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, "mdm.db");
        using (var s = SqliteMdmStore.Open(source)) { } // folds the WAL into the file
        File.Copy(source, target, overwrite: true);
        var index = StoreLocation.IndexPathOf(source);
        var targetIndex = StoreLocation.IndexPathOf(target);
        Directory.CreateDirectory(targetIndex);
        foreach (var f in Directory.GetFiles(index)) File.Copy(f, Path.Combine(targetIndex, Path.GetFileName(f)), overwrite: true);
        return target;
    }

    public static (SqliteMdmStore Store, MdmEngine Engine) Open(string storePath)
    {
        var store = SqliteMdmStore.Open(storePath);
        return (store, new MdmEngine(store, StoreLocation.Matching(null), StoreLocation.IndexPathOf(storePath)));
    }

    /// <summary>Loads the demo again into <paramref name="storePath"/>, re-resolving every record (<c>mdm load --full</c>).</summary>
    public static LoadSummary FullReload(string storePath) =>
        LoadJob.Run(SourcesFile.Load(DemoSources), new LoadOptions { StorePath = storePath, Full = true });

    /// <summary>Golden ID → its members ("system/key"), from the cross-reference.</summary>
    public static Dictionary<string, SortedSet<string>> Customers(string storePath)
    {
        var result = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (key, golden) in EndToEnd.CrossReference(storePath))
        {
            if (!result.TryGetValue(golden, out var set)) result[golden] = set = new SortedSet<string>(StringComparer.Ordinal);
            set.Add(key);
        }
        return result;
    }
}
