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
}
