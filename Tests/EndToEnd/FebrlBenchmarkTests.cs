using Mdm.Api.Cli;

namespace Mdm.Tests.EndToEnd;

/// <summary>
/// Data nobody here wrote: the public Febrl benchmarks (English person records with typos in every field, identifiers
/// without check digits), loaded with the default matching configuration and a sources file that only maps columns.
/// A generic toolkit reaches F1 ≈ 0.998 on this family of sets; so must Mdm.
/// </summary>
public class FebrlBenchmarkTests
{
    private static string DataDirectory => Path.Combine(EndToEnd.RepoRoot, "Tests", "Data", "febrl");

    [TestCase(1, 1000)]
    [TestCase(2, 5000)]
    public void Default_configuration_reaches_F1_0_995(int set, int records)
    {
        var dir = EndToEnd.NewTempDirectory($"febrl{set}");
        try
        {
            var store = Path.Combine(dir, "mdm.db");
            var summary = EndToEnd.Load(Path.Combine(DataDirectory, $"sources{set}.json"), store);
            var evaluation = MdmCommandLine.EvaluateStore(store, Path.Combine(DataDirectory, $"febrl{set}_truth.csv"));
            Assert.Multiple(() =>
            {
                Assert.That(summary.Accepted, Is.EqualTo(records), "records accepted");
                Assert.That(evaluation.Records, Is.EqualTo(records), "records evaluated");
                Assert.That(evaluation.F1, Is.GreaterThanOrEqualTo(0.995), $"F1 (precision {evaluation.Precision:0.0000}, recall {evaluation.Recall:0.0000})");
                Assert.That(evaluation.Precision, Is.GreaterThanOrEqualTo(0.995), "precision");
                // Social-security numbers and birth dates re-typed with a typo are common among these duplicates: the data
                // overrules the configured birth-date cap, and the load says so.
                Assert.That(summary.Resolution.CapsLifted, Has.Some.Contains("birth_date=years_apart"));
            });
        }
        finally
        {
            EndToEnd.DeleteDirectory(dir);
        }
    }
}
