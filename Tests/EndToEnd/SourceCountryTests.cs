using Mdm.Engine.Pipeline;
using Mdm.Engine.Storage;
using Mdm.Engine.Resolution;

namespace Mdm.Tests.EndToEnd;

/// <summary>
/// A list of US businesses whose phones have no country code: with "country": "US" they are read as US numbers, so
/// "310/246 -1501" and "310-246-1501" are one number (the case that kept two records of one business apart).
/// </summary>
[TestFixture]
public sealed class SourceCountryTests
{
    private const string SourcesJson = """
        { "sources": [
            { "system": "restaurants", "path": "restaurants.csv", "key": "id", "kind": "organization", "country": "US",
              "fields": { "name": "name", "phone": "phone", "address": "address", "city": "city" } }
          ] }
        """;

    private const string RestaurantsCsv =
        "id,name,phone,address,city\n" +
        "R1,Arnie Morton's of Chicago,310/246 -1501,435 S. La Cienega Blvd.,Los Angeles\n" +
        "R2,Arnie Morton's of Chicago,310-246-1501,435 S. La Cienega Blvd.,Los Angeles\n" +
        "R3,Art's Delicatessen,818/762 -1221,12224 Ventura Blvd.,Studio City\n" +
        "R4,Hotel Bel-Air,310/472 -1211,701 Stone Canyon Rd.,Bel Air\n" +
        "R5,Cafe Bizou,555-01,14016 Ventura Blvd.,Sherman Oaks\n";

    private string _dir = null!;
    private string _store = null!;

    [OneTimeSetUp]
    public void WriteAndLoad()
    {
        _dir = EndToEnd.NewTempDirectory("country");
        File.WriteAllText(Path.Combine(_dir, "sources.json"), SourcesJson, EndToEnd.Utf8NoBom);
        File.WriteAllText(Path.Combine(_dir, "restaurants.csv"), RestaurantsCsv, EndToEnd.Utf8NoBom);
        _store = Path.Combine(_dir, "store", "mdm.db");
        EndToEnd.Load(Path.Combine(_dir, "sources.json"), _store);
    }

    [OneTimeTearDown]
    public void DeleteFiles() => EndToEnd.DeleteDirectory(_dir);

    [Test]
    public void The_store_remembers_the_country()
    {
        using var store = SqliteMdmStore.Open(_store);
        Assert.That(store.LoadSystemProfiles()["restaurants"].Country, Is.EqualTo("US"));
    }

    [Test]
    public void Only_the_unusable_phone_gives_a_finding()
    {
        var findings = EndToEnd.Query(_store,
            "SELECT s.source_key, f.code FROM quality_findings f JOIN source_records s ON s.record_id = f.record_id WHERE f.field = 'phone'",
            r => (r.GetString(0), r.GetString(1)));
        Assert.That(findings, Is.EqualTo(new[] { ("R5", "invalid_length") }));
    }

    [Test]
    public void One_business_written_with_two_phone_styles_is_one_golden_record()
    {
        var xref = EndToEnd.CrossReference(_store);
        Assert.That(xref["restaurants/R1"], Is.EqualTo(xref["restaurants/R2"]));
        Assert.That(xref["restaurants/R3"], Is.Not.EqualTo(xref["restaurants/R1"]));
    }
}
