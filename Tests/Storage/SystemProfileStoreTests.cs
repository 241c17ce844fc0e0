using Mdm.Engine.Storage;

namespace Mdm.Tests.Storage;

/// <summary>What only the SQLite store has to read: rows an older build wrote (the contract is in <see cref="StoreContractTests"/>).</summary>
[TestFixture]
public sealed class SystemProfileStoreTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateDirectory() => _dir = EndToEnd.EndToEnd.NewTempDirectory("profiles");

    [TearDown]
    public void DeleteDirectory() => EndToEnd.EndToEnd.DeleteDirectory(_dir);

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
