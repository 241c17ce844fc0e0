using System.Data.Common;

namespace Mdm.Tests.Connectors;

/// <summary>
/// The pull scenario against a database server whose connection string an environment variable holds; without it the
/// test is ignored, saying so — unless the server is one CI must test against, where a missing one is a failure.
/// </summary>
public abstract class ServerSourceScenario : DatabaseSourceScenario
{
    /// <summary>The environment variable holding the connection string.</summary>
    protected abstract string Variable { get; }

    /// <summary>Whether .ci/run provides this server (then CI may not skip the test).</summary>
    protected abstract bool RequiredInCi { get; }

    protected abstract DbConnection Open(string connectionString);

    protected override string ConnectionSetting => $"\"connection_env\": \"{Variable}\"";
    protected override string Table => $"mdm_customers_{Environment.ProcessId}";

    private string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    protected override DbConnection Connect()
    {
        var connection = Open(ConnectionString!);
        connection.Open();
        return connection;
    }

    [SetUp]
    public void RequireServer()
    {
        if (ConnectionString is not null) return;
        if (RequiredInCi && Environment.GetEnvironmentVariable("CI") == "true")
            Assert.Fail($"{Variable} is not set under CI: .ci/run could not start the server");
        Assert.Ignore($"{Variable} is not set: no server to test against");
    }

    [TearDown]
    public void DropTable()
    {
        if (ConnectionString is null) return;
        using var connection = Connect();
        Execute(connection, $"DROP TABLE IF EXISTS {Table}");
    }

    [Test]
    public void A_table_loads_fully_then_incrementally_past_the_watermark() => FullThenIncremental();
}
