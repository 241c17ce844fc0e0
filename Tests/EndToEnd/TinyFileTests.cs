using Mdm.Engine.Resolution;
namespace Mdm.Tests.EndToEnd;

/// <summary>A first file with no candidate pair at all (one record, or records that share nothing) still loads.</summary>
public class TinyFileTests
{
    [TestCase("id,name\nK1,张伟\n", 1)]
    [TestCase("id,name\nK1,张伟\nK2,Maria Rossi\nK3,欧阳娜娜\n", 3)]
    public void Loads_and_gives_each_customer_a_golden_ID(string csv, int records)
    {
        var dir = EndToEnd.NewTempDirectory("tiny");
        try
        {
            File.WriteAllText(Path.Combine(dir, "people.csv"), csv, EndToEnd.Utf8NoBom);
            File.WriteAllText(Path.Combine(dir, "sources.json"),
                """{ "sources": [ { "system": "s", "path": "people.csv", "key": "id", "fields": { "name": "name" } } ] }""");
            var store = Path.Combine(dir, "mdm.db");
            var summary = EndToEnd.Load(Path.Combine(dir, "sources.json"), store);
            Assert.That(summary.Resolution.CandidatePairs, Is.Zero);
            var xref = EndToEnd.CrossReference(store);
            Assert.That(xref, Has.Count.EqualTo(records));
            Assert.That(xref.Values.Distinct().Count(), Is.EqualTo(records));
        }
        finally
        {
            EndToEnd.DeleteDirectory(dir);
        }
    }
}
