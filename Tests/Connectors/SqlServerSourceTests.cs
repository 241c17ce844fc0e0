using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace Mdm.Tests.Connectors;

/// <summary>
/// Database sources against a real SQL Server: MDM_TEST_SQLSERVER holds its connection string (SQL Server cannot be installed
/// on the CI machine); without it the test is ignored, saying so.
/// </summary>
[TestFixture]
public sealed class SqlServerSourceTests : DatabaseSourceScenario
{
    private const string Variable = "MDM_TEST_SQLSERVER";

    protected override string Provider => "sqlserver";
    protected override string ConnectionSetting => $"\"connection_env\": \"{Variable}\"";
    protected override string TimestampType => "DATETIME2";
    protected override string Table => $"mdm_customers_{Environment.ProcessId}";

    protected override DbConnection Connect()
    {
        var connection = new SqlConnection(Environment.GetEnvironmentVariable(Variable));
        connection.Open();
        return connection;
    }

    [SetUp]
    public void RequireServer()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
            Assert.Ignore($"{Variable} is not set: no SQL Server to test against");
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
