using System.Text;
using Mdm.Engine.Quality;
using Mdm.Engine.Resolution;

namespace Mdm.Tests.EndToEnd;

/// <summary>
/// The hostile files of the connector tests, loaded with <c>mdm load</c> as a user did: the load finishes, every bad row
/// is a reject with its reason, cleaned keys are what the store and the export hold, and what was cleaned is a finding.
/// </summary>
[TestFixture]
public sealed class HostileLoadTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateDirectory() => _dir = EndToEnd.NewTempDirectory("hostile");

    [TearDown]
    public void DeleteFiles() => EndToEnd.DeleteDirectory(_dir);

    [Test]
    public void A_load_with_a_huge_json_line_nul_bytes_and_a_stray_bom_finishes_and_keeps_only_clean_keys()
    {
        using (var events = new StreamWriter(Path.Combine(_dir, "events.jsonl"), false, EndToEnd.Utf8NoBom))
        {
            events.Write("{\"id\": \"J1\", \"name\": \"王小明\", \"phone\": \"13800138000\"}\n{\"id\": \"J2\", \"name\": \"");
            var filler = new string('x', 1 << 16);
            for (var i = 0; i < 320; i++) events.Write(filler); // a 20 MB line
            events.Write("\"}\n{\"id\": \"J3\", \"name\": \"李四\", \"phone\": \"13900139000\"}\n");
            // Ordinary rows after the bad ones, the same customers as in hk.csv (a resolution needs candidate pairs).
            for (var i = 0; i < 40; i++) events.Write($"{{\"id\": \"E{i}\", \"name\": \"客户{i}\", \"phone\": \"1370000{i:D4}\"}}\n");
        }
        using (var csv = File.Create(Path.Combine(_dir, "hk.csv")))
        {
            csv.Write(Encoding.UTF8.GetBytes("id,name,phone\nHK1,陈大文,\nHK\0NUL,NUL key,\nHK2,陈\0小文,\n"));
            csv.Write(Encoding.UTF8.GetPreamble()); // a second export appended with cat
            csv.Write(Encoding.UTF8.GetBytes("HKBOM1,黄大仙,\n"));
            for (var i = 0; i < 40; i++) csv.Write(Encoding.UTF8.GetBytes($"H{i},客户{i},1370000{i:D4}\n"));
        }
        var sources = Path.Combine(_dir, "sources.json");
        File.WriteAllText(sources, """
            { "sources": [
                { "system": "events", "path": "events.jsonl", "key": "id", "max_row_bytes": 4194304,
                  "fields": { "name": "name", "phone": "phone" } },
                { "system": "hk", "path": "hk.csv", "key": "id", "fields": { "name": "name", "phone": "phone" } } ] }
            """, EndToEnd.Utf8NoBom);
        var store = Path.Combine(_dir, "store", "mdm.db");

        var (exitCode, error) = EndToEnd.RunCli("load", "--config", sources, "--store", store);
        Assert.That(exitCode, Is.Zero, error);

        var rejects = EndToEnd.Query(store, "SELECT system, line, reason FROM rejects ORDER BY system, line",
            r => (r.GetString(0), r.GetInt64(1), r.GetString(2)));
        Assert.That(rejects.Select(r => (r.Item1, r.Item2)), Is.EqualTo(new[] { ("events", 2L), ("hk", 3L) }));
        Assert.That(rejects[0].Item3, Does.Contain("longer than the limit of 4,194,304 bytes"));
        Assert.That(rejects[1].Item3, Does.Contain("NUL"));

        var keys = EndToEnd.CrossReference(store).Keys.Where(k => k.Contains("/J") || k.Contains("/HK")).Order(StringComparer.Ordinal).ToList();
        Assert.That(keys, Is.EqualTo(new[] { "events/J1", "events/J3", "hk/HK1", "hk/HK2", "hk/HKBOM1" }));
        Assert.That(EndToEnd.Count(store, "SELECT COUNT(*) FROM cross_reference"), Is.EqualTo(85), "every other row loaded");

        var output = Path.Combine(_dir, "xref.csv");
        (exitCode, error) = EndToEnd.RunCli("export", "xref", "--config", sources, "--store", store, "--out", output);
        Assert.That(exitCode, Is.Zero, error);
        var exported = File.ReadAllText(output);
        Assert.That(exported, Does.Contain("\nhk,HKBOM1,"));
        // Ordinal: a culture-aware search ignores NUL and U+FEFF, so it would find them anywhere.
        Assert.That(exported.Contains('\0') || exported.Contains('\uFEFF'), Is.False, "no NUL or BOM exported");

        var findings = EndToEnd.Query(store,
            "SELECT s.source_key, f.field, f.code FROM quality_findings f JOIN source_records s USING (record_id) ORDER BY 1, 2",
            r => (r.GetString(0), r.GetString(1), r.GetString(2)));
        Assert.That(findings, Does.Contain(("HK2", "name", ReadFindingCodes.NulRemoved)));
        Assert.That(findings, Does.Contain(("HKBOM1", ReadFindingCodes.KeyField, ReadFindingCodes.StrayBomRemoved)));
        var stored = EndToEnd.Query(store, "SELECT fields FROM source_records WHERE source_key = 'HK2'", r => r.GetString(0)).Single();
        Assert.That(stored, Does.Contain("陈小文"));
    }
}
