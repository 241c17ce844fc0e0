using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace Mdm.Tests.Connectors;

/// <summary>
/// Database sources against a real SQL Server: MDM_TEST_SQLSERVER holds its connection string (SQL Server cannot be
/// installed on the CI machine, so without it the test is ignored).
/// </summary>
[TestFixture]
public sealed class SqlServerSourceTests : ServerSourceScenario
{
    protected override string Variable => "MDM_TEST_SQLSERVER";
    protected override bool RequiredInCi => false;
    protected override string Provider => "sqlserver";
    protected override string TimestampType => "DATETIME2";
    protected override DbConnection Open(string connectionString) => new SqlConnection(connectionString);
}
