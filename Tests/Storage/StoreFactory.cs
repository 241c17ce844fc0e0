using Mdm.Engine.Storage;
using Mdm.Engine.Storage.Postgres;

namespace Mdm.Tests.Storage;

/// <summary>
/// How the shared store suite gets a store: <see cref="Open"/> with the same place (a fresh temporary directory per test)
/// opens the same store again, so a test can check what survives a reopen. A server database's factory maps the place
/// to a schema of its own, which <see cref="Remove"/> drops.
/// </summary>
public sealed record StoreFactory(string Name, Func<string, IMdmStore> Open, Action<string>? Remove = null)
{
    public static IEnumerable<StoreFactory> All() =>
    [
        new("SQLite", place => SqliteMdmStore.OpenWriter(Path.Combine(place, "mdm.db"), "test")),
        new("PostgreSQL", place => PostgresMdmStore.OpenWriter(PostgresTestServer.StoreFor(place), "test"), place => PostgresMdmStore.Drop(PostgresTestServer.StoreFor(place))),
    ];

    // The fixture's name in test results.
    public override string ToString() => Name;
}

/// <summary>
/// The PostgreSQL server .ci/run starts (MDM_TEST_POSTGRES). Without it a test is ignored, saying so — except under CI,
/// where a missing server is a failure.
/// </summary>
public static class PostgresTestServer
{
    public static string ConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable("MDM_TEST_POSTGRES");
            if (!string.IsNullOrWhiteSpace(value)) return value;
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail("MDM_TEST_POSTGRES is not set under CI: .ci/run could not start PostgreSQL");
            Assert.Ignore("MDM_TEST_POSTGRES is not set: no PostgreSQL server to test against");
            return "";
        }
    }

    /// <summary>A store (schema) of its own for a test's place: the same place, the same schema.</summary>
    public static string StoreFor(string place)
    {
        var name = "t_" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(place)))[..16].ToLowerInvariant();
        return new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = name }.ConnectionString;
    }
}
