using Mdm.Engine.Storage;
using Mdm.Engine.Records;

namespace Mdm.Tests.Storage;

[TestFixture]
public sealed class SystemProfileStoreTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateDirectory() => _dir = EndToEnd.EndToEnd.NewTempDirectory("profiles");

    [TearDown]
    public void DeleteDirectory() => EndToEnd.EndToEnd.DeleteDirectory(_dir);

    [Test]
    public void A_profile_keeps_its_country_and_its_formats()
    {
        var path = Path.Combine(_dir, "mdm.db");
        using (var store = SqliteMdmStore.Open(path))
        {
            var run = store.BeginRun("test", null, bulk: false);
            store.SaveSystemProfile(new SystemProfile("us", 60, new Dictionary<string, string> { ["birth_date"] = "MM/dd/yyyy" }, true,
                KindDeclared: true, Country: "US"), run);
            store.SaveSystemProfile(new SystemProfile("cn", 50, new Dictionary<string, string>(), false), run);
        }
        using (var store = SqliteMdmStore.Open(path))
        {
            var profiles = store.LoadSystemProfiles();
            Assert.That(profiles["us"].Country, Is.EqualTo("US"));
            Assert.That(profiles["us"].KindDeclared, Is.True);
            Assert.That(profiles["us"].FieldFormats, Is.EqualTo(new Dictionary<string, string> { ["birth_date"] = "MM/dd/yyyy" }));
            Assert.That(profiles["cn"].Country, Is.EqualTo("CN"));
        }
    }

    [Test]
    public void A_profile_stored_before_countries_existed_means_China()
    {
        var path = Path.Combine(_dir, "mdm.db");
        using var store = SqliteMdmStore.Open(path);
        // The row an older build wrote: the formats with the $kind_declared marker, no country.
        using (var cmd = store.CreateQuery(
            "INSERT INTO systems(system, trust, field_formats, full_extract, updated_run) VALUES ('old', 70, '{\"birth_date\":\"yyyyMMdd\",\"$kind_declared\":\"1\"}', 1, 1)"))
            cmd.ExecuteNonQuery();
        var profile = store.LoadSystemProfiles()["old"];
        Assert.That(profile.Country, Is.EqualTo("CN"));
        Assert.That(profile.KindDeclared, Is.True);
        Assert.That(profile.FieldFormats.Keys, Is.EqualTo(new[] { "birth_date" }));
    }
}
