using System.Data.Common;
using Mdm.Api.Cli;
using Mdm.Connectors.Configuration;
using Mdm.Tests.EndToEnd;
using Microsoft.Data.Sqlite;

namespace Mdm.Tests.Connectors;

/// <summary>Database sources against a real SQLite file the test creates (the connection given relative to the sources file).</summary>
[TestFixture]
public sealed class SqliteSourceTests : DatabaseSourceScenario
{
    protected override string Provider => "sqlite";
    protected override string ConnectionSetting => "\"connection\": \"Data Source=source.db\"";
    protected override string TimestampType => "TEXT";
    protected override object TimestampValue(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    protected override DbConnection Connect()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(Dir, "source.db")};Pooling=False");
        connection.Open();
        return connection;
    }

    [Test]
    public void A_table_loads_fully_then_incrementally_past_the_watermark() => FullThenIncremental();

    [Test]
    public void A_row_with_a_null_key_is_a_reject_naming_the_row_and_the_field_and_the_rest_loads()
    {
        CreateTable(200);
        using (var connection = Connect()) Execute(connection, "UPDATE customers SET id = NULL WHERE id = 'E41'");
        var erp = Load(SourcesFile()).Of("erp");
        Assert.That(erp.Accepted, Is.EqualTo(199));
        Assert.That(erp.Rejected, Is.EqualTo(1));
        var rejects = EndToEnd.EndToEnd.Query(Store, "SELECT system, line, field, reason FROM rejects",
            r => (r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3)));
        Assert.That(rejects, Is.EqualTo(new[] { ("erp", 42L, "id", "missing key") }), "row 42 (ordered by the watermark), field id");
    }

    [Test]
    public void A_load_that_fails_after_reading_keeps_the_old_watermark_and_the_next_load_reads_the_same_rows()
    {
        CreateTable(500);
        var good = SourcesFile();
        Load(good);
        var kept = KeptWatermark();
        using (var connection = Connect()) Insert(connection, 500, 30, Start.AddDays(2));

        // The erp rows are read and ingested, then the second source fails: the run does not commit a resolution.
        var failing = SourcesFile("""
            , { "system": "broken", "format": "database", "provider": "sqlite", "connection": "Data Source=source.db",
                "table": "no_such_table", "key": "id", "fields": { "name": "full_name" } }
            """);
        var error = Assert.Throws<SourcesFileException>(() => Load(failing))!;
        Assert.That(error.Message, Does.Contain("'broken'").And.Contain("no_such_table"));
        Assert.That(KeptWatermark(), Is.EqualTo(kept), "not advanced by a load that failed");

        var retry = Load(SourcesFile()).Of("erp");
        Assert.That(retry.Read, Is.EqualTo(30), "the same rows are read again");
        Assert.That(ErpKeysInCrossReference(), Is.EqualTo(530));
        Assert.That(KeptWatermark()!.Value, Does.StartWith("2024-01-03"));
    }

    [Test]
    public void A_query_without_watermark_is_a_full_extract_that_retires_what_it_no_longer_returns()
    {
        CreateTable(300);
        var path = Path.Combine(Dir, "query.json");
        File.WriteAllText(path, """
            { "store": "mdm.db", "sources": [ { "system": "erp", "format": "database", "provider": "sqlite",
              "connection": "Data Source=source.db", "query": "select * from customers where phone not like '%0299';",
              "key": "id", "fields": { "name": "full_name", "phone": "phone" } } ] }
            """);
        Assert.That(Load(path).Of("erp").Accepted, Is.EqualTo(299), "E299's phone ends in 0299");
        using (var connection = Connect()) Execute(connection, "UPDATE customers SET phone = '13900000299' WHERE id = 'E5'");
        var second = Load(path).Of("erp");
        Assert.That(second.Read, Is.EqualTo(298), "the whole query again");
        Assert.That(second.Retired, Is.EqualTo(1), "E5 is gone from the extract");
    }

    private static string ErrorOf(string source)
    {
        var json = $$"""{ "sources": [ { "system": "erp", "format": "database", "key": "id", "fields": { "name": "n" }, {{source}} } ] }""";
        return Assert.Throws<SourcesFileException>(() => Mdm.Connectors.Configuration.SourcesFile.Parse(json, "/tmp", "/tmp/sources.json"))!.Message;
    }

    [Test]
    public void Configuration_mistakes_name_the_file_the_source_and_the_problem()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ErrorOf("\"provider\": \"oracle\", \"connection\": \"x\", \"table\": \"t\""),
                Does.StartWith("/tmp/sources.json: source 'erp': unknown \"provider\" 'oracle'"));
            Assert.That(ErrorOf("\"provider\": \"sqlite\", \"connection\": \"x\", \"table\": \"t\", \"query\": \"select 1\""),
                Does.Contain("source 'erp'").And.Contain("exactly one of \"table\""));
            Assert.That(ErrorOf("\"provider\": \"sqlite\", \"connection\": \"x\""), Does.Contain("exactly one of \"table\""));
            Assert.That(ErrorOf("\"provider\": \"sqlite\", \"table\": \"t\""), Does.Contain("exactly one of \"connection\""));
            Assert.That(ErrorOf("\"provider\": \"postgresql\", \"connection_env\": \"MDM_TEST_NOT_SET_ANYWHERE\", \"table\": \"t\""),
                Does.Contain("source 'erp'").And.Contain("MDM_TEST_NOT_SET_ANYWHERE").And.Contain("is not set"));
            Assert.That(ErrorOf("\"provider\": \"sqlite\", \"connection\": \"x\", \"table\": \"customers; drop table x\""),
                Does.Contain("source 'erp'").And.Contain("not a plain name"));
            Assert.That(ErrorOf("\"provider\": \"sqlite\", \"connection\": \"x\", \"table\": \"t\", \"watermark\": \"a-b\""),
                Does.Contain("\"watermark\" 'a-b' is not a plain column name"));
            Assert.That(ErrorOf("\"provider\": \"sqlite\", \"connection\": \"x\", \"table\": \"t\", \"path\": \"a.csv\""),
                Does.Contain("\"path\" does not apply"));
        });
    }

    [Test]
    public void Identifiers_are_quoted_with_the_providers_quoting_and_the_watermark_is_a_parameter()
    {
        var file = Mdm.Connectors.Configuration.SourcesFile.Parse("""
            { "sources": [ { "system": "erp", "format": "database", "provider": "sqlserver", "connection": "Server=x",
              "table": "dbo.customers", "key": "id", "watermark": "updated_at", "fields": { "name": "n" } } ] }
            """, "/tmp", "/tmp/s.json");
        Assert.That(Mdm.Connectors.DatabaseConnectors.Sql(file.Sources[0].Database!, incremental: true),
            Is.EqualTo("SELECT * FROM [dbo].[customers] WHERE [updated_at] > @last ORDER BY [updated_at]"));
        Assert.That(SqlIdentifier.Quote(DatabaseProvider.PostgreSql, "public.customers"), Is.EqualTo("\"public\".\"customers\""));
    }
}
