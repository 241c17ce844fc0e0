using System.Diagnostics;
using Mdm.Engine.Search;
using Mdm.Engine.Storage;

namespace Mdm.Tests.Search;

/// <summary>
/// Rebuild time on a big store (explicit: needs a loaded store in MDM_SEARCH_BENCH_STORE, e.g. Benchmarks' generator at
/// 100k records loaded with mdm load). Prints the whole rebuild from the store and its indexing part, which is what a
/// full resolution's write adds (its records are already standardized).
/// </summary>
[TestFixture, Explicit("benchmark: needs MDM_SEARCH_BENCH_STORE")]
public sealed class SearchRebuildBenchmark
{
    [Test]
    public void RebuildFromTheStore()
    {
        var path = Environment.GetEnvironmentVariable("MDM_SEARCH_BENCH_STORE") ?? throw new InconclusiveException("MDM_SEARCH_BENCH_STORE not set");
        var indexPath = CustomerSearchIndex.PathOf(path);
        if (Directory.Exists(indexPath)) Directory.Delete(indexPath, recursive: true);
        using var store = SqliteMdmStore.Open(path);
        var clock = Stopwatch.StartNew();
        using var index = CustomerSearchIndex.Open(indexPath, store);
        TestContext.Out.WriteLine($"records {store.CountActiveRecords():N0}, customers {index.DocumentCount:N0}: open+rebuild {clock.Elapsed.TotalSeconds:F1} s, of which indexing {index.LastRebuildSeconds:F1} s");
        Assert.That(index.DocumentCount, Is.GreaterThan(0));
    }
}
