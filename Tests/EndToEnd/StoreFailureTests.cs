using System.Diagnostics;
using System.Text;
using Mdm.Engine.Records;
using Mdm.Engine.Storage;
using Microsoft.Data.Sqlite;

namespace Mdm.Tests.EndToEnd;

/// <summary>
/// A store that cannot be written (read-only, under a file, on a full disk) ends <c>mdm load</c> with one line on
/// standard error that names the path and what to do, exit code 2, and the store as it was. Tests run as root in CI,
/// where chmod stops nothing: the read-only case then uses the immutable attribute (chattr +i, which stops root), and a
/// store whose folder would have to be created under a regular file fails for everyone.
/// </summary>
[TestFixture]
public sealed class StoreFailureTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateDirectory() => _dir = EndToEnd.NewTempDirectory("store-failure");

    [TearDown]
    public void DeleteFiles() => EndToEnd.DeleteDirectory(_dir);

    private string WriteSources(int rows, string name = "sources.json")
    {
        var csv = new StringBuilder("id,name,phone,city\n");
        for (var i = 0; i < rows; i++) csv.Append("P").Append(i).Append(",Person Number ").Append(i).Append(",1380013").Append(i % 10000).Append(",Beijing\n");
        File.WriteAllText(Path.Combine(_dir, "people.csv"), csv.ToString(), EndToEnd.Utf8NoBom);
        var sources = Path.Combine(_dir, name);
        File.WriteAllText(sources, """
            { "sources": [ { "system": "crm", "path": "people.csv", "key": "id",
                             "fields": { "name": "name", "phone": "phone", "city": "city" } } ] }
            """, EndToEnd.Utf8NoBom);
        return sources;
    }

    private static void AssertCleanFailure(int exitCode, string error, string path, string says)
    {
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2), error);
            Assert.That(error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), "one line: " + error);
            Assert.That(error, Does.StartWith("mdm: ").And.Contain(path).And.Contain(says).And.Contain("--store"));
            Assert.That(error, Does.Not.Contain("   at ").And.Not.Contain("Exception"), "no stack trace");
        });
    }

    [Test]
    public void A_store_whose_folder_would_be_under_a_regular_file_fails_in_one_line()
    {
        var sources = WriteSources(5);
        var blocker = Path.Combine(_dir, "not-a-folder");
        File.WriteAllText(blocker, "a file where the store's folder should be");
        var store = Path.Combine(blocker, "data", "mdm.db");

        var (exitCode, error) = EndToEnd.RunCli("load", "--config", sources, "--store", store);

        AssertCleanFailure(exitCode, error, Path.Combine(blocker, "data"), "cannot create the store's folder");
        Assert.That(File.ReadAllText(blocker), Is.EqualTo("a file where the store's folder should be"));
    }

    [Test]
    public void A_read_only_store_folder_fails_in_one_line_and_the_store_stays_as_it_was()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes");
            return;
        }
        var sources = WriteSources(20);
        var folder = Path.Combine(_dir, "store");
        var store = Path.Combine(folder, "mdm.db");
        var (exitCode, error) = EndToEnd.RunCli("load", "--config", sources, "--store", store);
        Assert.That(exitCode, Is.Zero, error);
        var runsBefore = EndToEnd.Count(store, "SELECT COUNT(*) FROM runs");
        WriteSources(40); // a changed extract, so the load has something to write

        var undo = MakeReadOnly(folder);
        try
        {
            (exitCode, error) = EndToEnd.RunCli("load", "--config", sources, "--store", store);
        }
        finally
        {
            undo();
        }

        AssertCleanFailure(exitCode, error, store, "writable");
        Assert.That(EndToEnd.Count(store, "SELECT COUNT(*) FROM source_records"), Is.EqualTo(20));
        Assert.That(EndToEnd.Count(store, "SELECT COUNT(*) FROM runs"), Is.EqualTo(runsBefore), "not even a run was recorded");
    }

    /// <summary>
    /// Makes the folder and its files read-only by a means that really stops this process: chmod, or for root (whom chmod
    /// does not stop) the immutable attribute. Returns how to undo it; ignores the test when neither works here.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static Action MakeReadOnly(string folder)
    {
        var files = Directory.GetFiles(folder);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        foreach (var f in files) File.SetUnixFileMode(f, UnixFileMode.UserRead);
        void UndoChmod()
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            foreach (var f in files) File.SetUnixFileMode(f, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        if (!CanWrite(folder)) return UndoChmod;

        UndoChmod(); // root: chmod did nothing
        if (Chattr("+i", [folder, .. files]) && !CanWrite(folder))
            return () => Chattr("-i", [folder, .. files]);
        Chattr("-i", [folder, .. files]);
        Assert.Ignore("neither chmod nor chattr +i makes a folder read-only for this user here; the store-under-a-file test covers root");
        return () => { };
    }

    private static bool CanWrite(string folder)
    {
        var probe = Path.Combine(folder, "probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllText(probe, "x");
            File.Delete(probe);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool Chattr(string flag, string[] paths) => Run("chattr", [flag, .. paths]);

    private static bool Run(string program, string[] arguments)
    {
        try
        {
            var info = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in arguments) info.ArgumentList.Add(a);
            using var process = Process.Start(info)!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed
        }
    }

    [Test]
    public void A_full_disk_during_the_write_fails_in_one_line_and_the_store_stays_as_it_was()
    {
        var mount = Path.Combine(_dir, "small-disk");
        Directory.CreateDirectory(mount);
        if (!Run("mount", ["-t", "tmpfs", "-o", "size=1536k", "tmpfs", mount]))
            Assert.Ignore("cannot mount a small tmpfs here; Sqlite_full_is_translated_and_the_failed_write_rolls_back covers SQLITE_FULL");
        try
        {
            var store = Path.Combine(mount, "mdm.db");
            var sources = WriteSources(20);
            var (exitCode, error) = EndToEnd.RunCli("load", "--config", sources, "--store", store);
            Assert.That(exitCode, Is.Zero, error);
            var recordsBefore = EndToEnd.Count(store, "SELECT COUNT(*) FROM source_records");

            WriteSources(20_000); // some 2 MB of records: more than the disk holds
            (exitCode, error) = EndToEnd.RunCli("load", "--config", sources, "--store", store);

            AssertCleanFailure(exitCode, error, store, "full");
            Assert.That(EndToEnd.Count(store, "SELECT COUNT(*) FROM source_records"), Is.EqualTo(recordsBefore), "the failed write rolled back");
        }
        finally
        {
            Run("umount", ["-l", mount]);
        }
    }

    [Test]
    public void Sqlite_full_is_translated_and_the_failed_write_rolls_back()
    {
        // max_page_count caps the database file as a full disk would: the next write that needs a page gets SQLITE_FULL.
        var path = Path.Combine(_dir, "store", "mdm.db");
        using var store = SqliteMdmStore.OpenWriter(path, "test");
        var run = store.BeginRun("test", null, bulk: false);
        store.UpsertSourceRecords(Records(0, 10), run);
        long pages;
        using (var count = store.CreateQuery("PRAGMA page_count")) pages = (long)count.ExecuteScalar()!;
        using (var cap = store.CreateQuery($"PRAGMA max_page_count = {pages + 2}")) cap.ExecuteScalar();

        var failure = Assert.Throws<SqliteException>(() => store.UpsertSourceRecords(Records(10, 5_000), run))!;
        Assert.That(failure.SqliteErrorCode, Is.EqualTo(13), "SQLITE_FULL");

        var translated = StoreUnavailableException.From(failure, path);
        Assert.That(translated.Message, Does.Contain($"the disk holding the store {Path.GetFullPath(path)} is full").And.Contain("rolled back"));
        Assert.That(translated.Message, Does.Not.Contain("\n"));
        Assert.That(translated, Is.InstanceOf<IOException>(), "the command line's guard prints it in one line, exit code 2");
        using var rows = store.CreateQuery("SELECT COUNT(*) FROM source_records");
        Assert.That((long)rows.ExecuteScalar()!, Is.EqualTo(10), "the batch that did not fit rolled back whole");
    }

    private static List<(SourceRecord, int, int)> Records(int from, int count) =>
        Enumerable.Range(from, count)
            .Select(i => (new SourceRecord("crm", "K" + i, PartyKind.Person, new Dictionary<string, string> { ["name"] = "Person " + new string('x', 200) + i }), 50, -1))
            .ToList();
}
