using Mdm.Tests.EndToEnd;
using System.Data.Common;
using Npgsql;

namespace Mdm.Tests.Connectors;

/// <summary>Database sources against a real PostgreSQL server: .ci/run starts a throw-away cluster and sets MDM_TEST_POSTGRES.</summary>
[TestFixture]
public sealed class PostgreSqlSourceTests : ServerSourceScenario
{
    protected override string Variable => "MDM_TEST_POSTGRES";
    protected override bool RequiredInCi => true;
    protected override string Provider => "postgresql";
    protected override string TimestampType => "TIMESTAMP";
    protected override DbConnection Open(string connectionString) => new NpgsqlConnection(connectionString);

    /// <summary>The table through a query that pauses on every row, so the pull is still running when the session is cut.</summary>
    private string SlowSources()
    {
        var path = Path.Combine(Dir, "sources.json");
        File.WriteAllText(path, $$"""
            { "store": "mdm.db", "sources": [
              { "system": "erp", "format": "database", "provider": "postgresql", "connection_env": "MDM_TEST_POSTGRES",
                "query": "SELECT c.*, pg_sleep(0.002)::text AS pause FROM {{Table}} c", "key": "id", "watermark": "updated_at",
                "fields": { "name": "full_name", "phone": "phone", "email": "email" } } ] }
            """);
        return path;
    }

    [Test]
    public void A_connection_lost_mid_pull_fails_naming_the_source_keeps_the_watermark_and_the_rerun_reads_the_new_rows_once()
    {
        CreateTable(InitialRows);
        var sources = SlowSources();
        Assert.That(Load(sources).Of("erp").New, Is.EqualTo(InitialRows));
        var before = KeptWatermark();
        using (var connection = Connect()) Insert(connection, InitialRows, 50, Start.AddDays(1));

        using var cut = Task.Run(async () =>
        {
            // Wait for the loader's query to be running, then end its session as a failing network or a DBA would.
            await using var admin = Connect();
            for (var i = 0; i < 300; i++)
            {
                await using var cmd = new NpgsqlCommand("""
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE query LIKE '%pg_sleep(0.002)%' AND state = 'active' AND pid <> pg_backend_pid()
                    """, (NpgsqlConnection)admin);
                if (await cmd.ExecuteScalarAsync() is true) return true;
                await Task.Delay(20);
            }
            return false;
        });
        var failure = Assert.Catch(() => Load(sources));
        Assert.That(cut.Result, Is.True, "the pull's session was found and ended");
        Assert.That(failure!.Message, Does.Contain("erp"), $"the message names the source: {failure.Message}");
        Assert.That(KeptWatermark(), Is.EqualTo(before), "the watermark did not move");

        var rerun = Load(sources).Of("erp");
        Assert.That(rerun.Read, Is.EqualTo(50), "the re-run reads the rows past the kept watermark");
        Assert.That(rerun.New, Is.EqualTo(50));
        Assert.That(ErpKeysInCrossReference(), Is.EqualTo(InitialRows + 50), "no duplicates, nothing lost");
    }
}
