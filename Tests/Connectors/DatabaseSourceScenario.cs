using Mdm.Application;
using System.Data.Common;
using System.Globalization;
using Mdm.Api.Cli;
using Mdm.Connectors;
using Mdm.Connectors.Configuration;
using Mdm.Engine.Pipeline;
using Mdm.Engine.Storage;
using Mdm.Tests.EndToEnd;
using Mdm.Engine.Resolution;

namespace Mdm.Tests.Connectors;

/// <summary>
/// The same pull scenario against any real database: a customers table of a few thousand rows is loaded fully, then
/// incrementally after inserts, updates and rows flagged deleted; the cross-reference and the kept watermark are checked.
/// </summary>
public abstract class DatabaseSourceScenario
{
    protected const int InitialRows = 3000;
    protected static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    protected string Dir = null!;
    protected string Store = null!;

    /// <summary>"sqlite", "postgresql", "sqlserver".</summary>
    protected abstract string Provider { get; }

    /// <summary>The sources-file settings naming the connection, e.g. "\"connection_env\": \"VAR\"".</summary>
    protected abstract string ConnectionSetting { get; }

    protected abstract DbConnection Connect();

    /// <summary>SQL type of the timestamp column.</summary>
    protected abstract string TimestampType { get; }

    /// <summary>The table, unique per run where the database is shared.</summary>
    protected virtual string Table => "customers";

    /// <summary>How a timestamp is written (SQLite keeps ISO text).</summary>
    protected virtual object TimestampValue(DateTime time) => time;

    [SetUp]
    public void NewDirectory()
    {
        Dir = EndToEnd.EndToEnd.NewTempDirectory("db-" + Provider);
        Store = Path.Combine(Dir, "mdm.db");
    }

    [TearDown]
    public void DeleteDirectory() => EndToEnd.EndToEnd.DeleteDirectory(Dir);

    protected string SourcesFile(string extraSources = "")
    {
        var path = Path.Combine(Dir, "sources.json");
        File.WriteAllText(path, $$"""
            { "store": "mdm.db", "sources": [
              { "system": "erp", "format": "database", "provider": "{{Provider}}", {{ConnectionSetting}},
                "table": "{{Table}}", "key": "id", "watermark": "updated_at", "updated_at": "updated_at",
                "deleted": { "column": "deleted", "values": ["1"] },
                "fields": { "name": "full_name", "phone": "phone", "email": "email" } }{{extraSources}} ] }
            """);
        return path;
    }

    protected LoadSummary Load(string sources) => LoadJob.Run(Mdm.Connectors.Configuration.SourcesFile.Load(sources), new LoadOptions { StorePath = Store });

    protected Watermark? KeptWatermark()
    {
        using var store = SqliteMdmStore.Open(Store);
        return Watermark.Load(store, "erp");
    }

    protected int ErpKeysInCrossReference() =>
        EndToEnd.EndToEnd.CrossReference(Store).Keys.Count(k => k.StartsWith("erp/", StringComparison.Ordinal));

    private static readonly string[] Families = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];
    private static readonly string[] Givens = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "文", "华"];

    protected void CreateTable(int rows)
    {
        using var connection = Connect();
        Execute(connection, $"DROP TABLE IF EXISTS {Table}");
        Execute(connection, $"CREATE TABLE {Table} (id VARCHAR(20), full_name VARCHAR(50), phone VARCHAR(20), email VARCHAR(50), updated_at {TimestampType}, deleted INTEGER)");
        Insert(connection, 0, rows, Start);
    }

    /// <summary>Rows <paramref name="from"/> .. from+count-1, updated at <paramref name="time"/> plus one second each.</summary>
    protected void Insert(DbConnection connection, int from, int count, DateTime time)
    {
        using var tx = connection.BeginTransaction();
        for (var i = from; i < from + count; i++)
            Execute(connection, $"INSERT INTO {Table} (id, full_name, phone, email, updated_at, deleted) VALUES (@id, @name, @phone, @email, @at, 0)", tx,
                ("@id", $"E{i}"), ("@name", Families[i % Families.Length] + Givens[i / Families.Length % Givens.Length]),
                ("@phone", $"139{i:D8}"), ("@email", $"c{i}@example.com"), ("@at", TimestampValue(time.AddSeconds(i - from))));
        tx.Commit();
    }

    protected static void Execute(DbConnection connection, string sql, DbTransaction? tx = null, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        command.ExecuteNonQuery();
    }

    /// <summary>Full pull, then one after 50 inserts, 20 updates and 10 rows flagged deleted, then one with no change.</summary>
    protected void FullThenIncremental()
    {
        CreateTable(InitialRows);
        var sources = SourcesFile();

        var first = Load(sources).Of("erp");
        Assert.That(first.Accepted, Is.EqualTo(InitialRows));
        Assert.That(first.Rejected, Is.Zero);
        Assert.That(ErpKeysInCrossReference(), Is.EqualTo(InitialRows));
        var afterFirst = KeptWatermark();
        Assert.That(afterFirst, Is.Not.Null, "the first pull keeps the highest watermark it read");
        Assert.That(afterFirst!.Value, Does.StartWith("2024-01-01").And.Contain("00:49:59"), "row 2999 is the last, at 00:49:59");

        var later = Start.AddDays(1);
        using (var connection = Connect())
        {
            Insert(connection, InitialRows, 50, later);
            for (var i = 0; i < 20; i++)
                Execute(connection, $"UPDATE {Table} SET email = @email, updated_at = @at WHERE id = @id", null,
                    ("@email", $"changed{i}@example.org"), ("@at", TimestampValue(later.AddMinutes(10).AddSeconds(i))), ("@id", $"E{i}"));
            for (var i = 100; i < 110; i++)
                Execute(connection, $"UPDATE {Table} SET deleted = 1, updated_at = @at WHERE id = @id", null,
                    ("@at", TimestampValue(later.AddMinutes(20).AddSeconds(i))), ("@id", $"E{i}"));
        }

        var second = Load(sources).Of("erp");
        Assert.Multiple(() =>
        {
            Assert.That(second.Read, Is.EqualTo(80), "only rows past the watermark are read");
            Assert.That(second.New, Is.EqualTo(50));
            Assert.That(second.Changed, Is.EqualTo(20));
            Assert.That(second.Retired, Is.EqualTo(10), "the flagged rows only: an incremental pull is not a full extract");
            Assert.That(ErpKeysInCrossReference(), Is.EqualTo(InitialRows + 50 - 10));
        });
        var afterSecond = KeptWatermark()!;
        Assert.That(afterSecond, Is.Not.EqualTo(afterFirst), "the watermark advanced");
        Assert.That(afterSecond.Value, Does.StartWith("2024-01-02").And.Contain("00:21:49"), "the last row flagged deleted");
        var xref = EndToEnd.EndToEnd.CrossReference(Store);
        Assert.That(xref.ContainsKey("erp/E3049") && !xref.ContainsKey("erp/E105"), Is.True);

        var third = Load(sources).Of("erp");
        Assert.That(third.Read, Is.Zero, "nothing changed since");
        Assert.That(third.Retired, Is.Zero, "absence from an incremental pull retires nothing");
        Assert.That(ErpKeysInCrossReference(), Is.EqualTo(InitialRows + 50 - 10));
        Assert.That(KeptWatermark(), Is.EqualTo(afterSecond));
    }
}
