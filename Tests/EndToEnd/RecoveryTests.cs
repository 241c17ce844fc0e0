using Microsoft.Data.Sqlite;
using Mdm.Engine.Resolution;

namespace Mdm.Tests.EndToEnd;

/// <summary>What a crashed or refused writer leaves behind is repaired by the next writer or by <c>mdm load --full</c>.</summary>
[TestFixture]
public sealed class RecoveryTests
{
    private string _dir = null!;
    private string _store = null!;

    [SetUp]
    public void CopyDemo()
    {
        _dir = EndToEnd.NewTempDirectory("recovery");
        _store = LiveStore.CopyOfLoadedDemo(_dir);
    }

    [TearDown]
    public void Delete() => EndToEnd.DeleteDirectory(_dir);

    private (int Exit, string Error) Resolve(string key) => EndToEnd.RunCli("resolve", "--config", LiveStore.DemoSources, "--store", _store,
        "--system", "counter", "--json", $$"""{"客户编号":"{{key}}","客户名称":"诸葛明","联系电话":"13900001111","地址":"广东省深圳市南山区科技园路9号"}""");

    [Test]
    public void A_lost_candidate_index_is_rebuilt_by_load_full_even_when_no_record_changed()
    {
        Directory.Delete(_store + ".index", recursive: true);
        var (refused, why) = Resolve("REC-1");
        Assert.That(refused, Is.EqualTo(2));
        Assert.That(why, Does.Contain("mdm load --full"), "the refusal names the one command that repairs it");

        var (exit, error) = EndToEnd.RunCli("load", "--config", LiveStore.DemoSources, "--store", _store, "--full");
        Assert.That(exit, Is.Zero, error);
        Assert.That(Directory.Exists(_store + ".index"), Is.True, "index rebuilt");
        var (resolved, resolveError) = Resolve("REC-2");
        Assert.That(resolved, Is.Zero, resolveError);
        Assert.That(EndToEnd.CrossReference(_store), Does.ContainKey("counter/REC-2"));
    }

    [Test]
    public void A_run_a_killed_writer_left_running_is_marked_interrupted_by_the_next_writer()
    {
        using (var connection = new SqliteConnection($"Data Source={_store};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "INSERT INTO runs(command, configuration, started_at, status) VALUES ('load', 'x', '2026-01-01T00:00:00Z', 'running')";
            cmd.ExecuteNonQuery();
        }
        Assert.That(EndToEnd.Count(_store, "SELECT COUNT(*) FROM runs WHERE status='running'"), Is.EqualTo(1));
        var (exit, error) = Resolve("REC-3");
        Assert.That(exit, Is.Zero, error);
        Assert.Multiple(() =>
        {
            Assert.That(EndToEnd.Count(_store, "SELECT COUNT(*) FROM runs WHERE status='running'"), Is.Zero);
            Assert.That(EndToEnd.Count(_store, "SELECT COUNT(*) FROM runs WHERE status='interrupted'"), Is.EqualTo(1));
        });
    }
}
