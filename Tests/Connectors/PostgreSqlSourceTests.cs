using System.Data.Common;
using Npgsql;

namespace Mdm.Tests.Connectors;

/// <summary>
/// Database sources against a real PostgreSQL server: MDM_TEST_POSTGRES holds its connection string (.ci/run starts a
/// throw-away cluster and sets it); without it the test is ignored, saying so.
/// </summary>
[TestFixture]
public sealed class PostgreSqlSourceTests : DatabaseSourceScenario
{
    private const string Variable = "MDM_TEST_POSTGRES";

    protected override string Provider => "postgresql";
    protected override string ConnectionSetting => $"\"connection_env\": \"{Variable}\"";
    protected override string TimestampType => "TIMESTAMP";
    protected override string Table => $"mdm_customers_{Environment.ProcessId}";

    protected override DbConnection Connect()
    {
        var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(Variable));
        connection.Open();
        return connection;
    }

    [SetUp]
    public void RequireServer()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable))) return;
        // CI must test against a real server: there a missing one is a failure, not a skip.
        if (Environment.GetEnvironmentVariable("CI") == "true")
            Assert.Fail($"{Variable} is not set under CI: .ci/run could not start PostgreSQL");
        Assert.Ignore($"{Variable} is not set: no PostgreSQL server to test against (.ci/run starts one and sets it)");
    }

    [TearDown]
    public void DropTable()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable))) return;
        using var connection = Connect();
        Execute(connection, $"DROP TABLE IF EXISTS {Table}");
    }

    [Test]
    public void A_table_loads_fully_then_incrementally_past_the_watermark() => FullThenIncremental();
}
