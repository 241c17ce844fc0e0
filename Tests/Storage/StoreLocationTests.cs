using Mdm.Application;
using Mdm.Connectors.Configuration;
using Mdm.Engine.Storage.Postgres;

namespace Mdm.Tests.Storage;

/// <summary>Which store a command works on (--store and the sources file's "store"), and the mistakes it names.</summary>
[TestFixture]
public sealed class StoreLocationTests
{
    private static readonly SourcesFile File = SourcesFile.Parse(
        """{ "sources": [ { "system": "shops", "path": "a.csv", "key": "id", "fields": { "phone": "tel" } } ] }""", "/x", "/x/sources.json");

    [Test]
    public void Without_a_store_setting_the_store_is_the_sqlite_file_beside_the_sources_file()
    {
        var target = StoreLocation.Of(File, null);
        Assert.That(target.IsSqlite, Is.True);
        Assert.That(target.Connection, Is.EqualTo(Path.GetFullPath("/x/mdm-data/mdm.db")));
        Assert.That(target.IndexPath, Is.EqualTo(target.Connection + ".index"));
    }

    [Test]
    public void A_postgresql_store_names_server_database_and_schema_and_keeps_its_indexes_per_schema()
    {
        var target = StoreLocation.Of(File, "postgresql:Host=db.example;Port=5433;Database=hub;Username=u;Password=secret;Search Path=postal");
        Assert.That(target.Provider, Is.EqualTo(StoreTarget.PostgreSql));
        Assert.That(target.Location, Is.EqualTo("postgresql://db.example:5433/hub (schema postal)"));
        Assert.That(target.Location, Does.Not.Contain("secret"), "the password never reaches a message");
        Assert.That(target.FilesPath, Does.EndWith(Path.Combine("db.example_5433_hub", "postal")));
        var other = StoreLocation.Of(File, "postgresql:Host=db.example;Port=5433;Database=hub;Username=u;Search Path=other");
        Assert.That(other.IndexPath, Is.Not.EqualTo(target.IndexPath), "two stores on one database never share an index");
    }

    [Test]
    public void A_store_read_from_an_unset_environment_variable_is_refused_naming_it()
    {
        Environment.SetEnvironmentVariable("MDM_TEST_UNSET_STORE", null);
        var ex = Assert.Throws<InvalidOperationException>(() => StoreLocation.Of(File, "postgresql:$MDM_TEST_UNSET_STORE"));
        Assert.That(ex!.Message, Does.Contain("MDM_TEST_UNSET_STORE").And.Contain("not set"));
    }

    [Test]
    public void A_schema_that_is_not_a_plain_name_is_refused_before_any_sql()
    {
        var ex = Assert.Throws<ArgumentException>(() => PostgresMdmStore.Open("Host=127.0.0.1;Port=1;Database=x;Search Path=hub-2026 test"));
        Assert.That(ex!.Message, Does.Contain("must be a plain name"));
    }
}
