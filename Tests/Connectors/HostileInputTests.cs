using System.Text;
using Mdm.Connectors;
using Mdm.Connectors.Configuration;
using Mdm.Engine.Quality;

namespace Mdm.Tests.Connectors;

/// <summary>
/// Input users really sent: a line of hundreds of megabytes, a huge unquoted field, NUL bytes, a BOM in the middle of a
/// file, a JSON array where JSON lines were expected. Each is a reject (or a cleaned value with a finding), never an
/// aborted load, and the long line is read past in memory far below its size.
/// </summary>
[TestFixture]
public sealed class HostileInputTests : ConnectorTestBase
{
    /// <summary>The long line: big enough that holding it would show, small enough to write and read in well under a second.</summary>
    private const int LongLineBytes = 24 << 20;

    private const int Limit = 1 << 20;

    /// <summary>Writes a header, a good row, a row of <see cref="LongLineBytes"/> (streamed to disk, never built in memory), a good row.</summary>
    private void WriteWithLongLine(string fileName, Encoding encoding, string header, string before, Func<string, string> longRow, string after)
    {
        using var writer = new StreamWriter(Path.Combine(Dir, fileName), false, encoding, 1 << 16);
        if (header.Length > 0) writer.Write(header + "\n");
        writer.Write(before + "\n");
        var (start, end) = SplitAround(longRow("\u0001"));
        writer.Write(start);
        var chunk = new string('x', 1 << 16);
        var filler = chunk.Replace('x', encoding.CodePage == Encoding.UTF8.CodePage ? 'x' : '长'); // 2 bytes in GB18030, 3 in UTF-8
        var perChunk = encoding.GetByteCount(filler);
        for (long written = 0; written < LongLineBytes; written += perChunk) writer.Write(filler);
        writer.Write(end + "\n");
        writer.Write(after + "\n");
    }

    private static (string Start, string End) SplitAround(string row)
    {
        var at = row.IndexOf('\u0001', StringComparison.Ordinal);
        return (row[..at], row[(at + 1)..]);
    }

    /// <summary>Reads all rows of the one source, measuring what this thread allocated meanwhile.</summary>
    private (List<SourceRow> Rows, long Allocated) ReadMeasured(string sourceJson)
    {
        var file = LoadSources($$"""{ "sources": [ {{sourceJson}} ] }""");
        var before = GC.GetAllocatedBytesForCurrentThread();
        using var source = FileConnectors.OpenRecords(file.Sources[0], file);
        var rows = source.ReadRecords().ToList();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        TestContext.Out.WriteLine($"{TestContext.CurrentContext.Test.Name}: allocated {allocated / 1024.0 / 1024:F1} MB reading a file with a {LongLineBytes >> 20} MB line; peak working set {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 >> 20} MB");
        return (rows, allocated);
    }

    [TestCase("utf-8")]
    [TestCase("gb18030")]
    public void A_csv_line_over_the_limit_is_rejected_in_bounded_memory_and_the_rest_loads(string encoding)
    {
        WriteWithLongLine("big.csv", GetEncoding(encoding), "id,name,city", "A1,Ann,北京", gap => $"A2,{gap},上海", "A3,Cy,广州");
        var (rows, allocated) = ReadMeasured($$"""
            { "system": "big", "path": "big.csv", "encoding": "{{encoding}}", "key": "id", "max_row_bytes": {{Limit}},
              "fields": { "name": "name", "city": "city" } }
            """);

        Assert.That(rows.Select(r => r.Record?.Key ?? "reject"), Is.EqualTo(new[] { "A1", "reject", "A3" }));
        var reject = rows[1].Reject!;
        Assert.Multiple(() =>
        {
            Assert.That(reject.System, Is.EqualTo("big"));
            Assert.That(reject.Line, Is.EqualTo(3));
            Assert.That(reject.Reason, Does.Contain("longer than the limit of 1,048,576 bytes").And.Contain("max_row_bytes"));
            Assert.That(reject.Reason, Does.Not.Contain("quote"));
            Assert.That(reject.RawText, Does.StartWith("A2,"));
            Assert.That(reject.RawText!.Length, Is.LessThanOrEqualTo(2000));
            Assert.That(rows[2].Record!.Line, Is.EqualTo(4), "line numbers go on after the long line");
            Assert.That(allocated, Is.LessThan(LongLineBytes / 3), "the long line is never held whole");
        });
    }

    [Test]
    public void A_json_line_over_the_limit_is_rejected_in_bounded_memory_and_the_rest_loads()
    {
        WriteWithLongLine("big.jsonl", Utf8NoBom, "", """{"id": "J1", "name": "Ann"}""", gap => $$"""{"id": "J2", "name": "{{gap}}"}""",
            """{"id": "J3", "name": "Cy"}""");
        var (rows, allocated) = ReadMeasured($$"""
            { "system": "events", "path": "big.jsonl", "key": "id", "max_row_bytes": {{Limit}}, "fields": { "name": "name" } }
            """);

        Assert.That(rows.Select(r => r.Record?.Key ?? "reject"), Is.EqualTo(new[] { "J1", "reject", "J3" }));
        var reject = rows[1].Reject!;
        Assert.Multiple(() =>
        {
            Assert.That(reject.System, Is.EqualTo("events"));
            Assert.That(reject.Line, Is.EqualTo(2));
            Assert.That(reject.Reason, Does.Contain("longer than the limit of 1,048,576 bytes").And.Contain("max_row_bytes"));
            Assert.That(reject.RawText, Does.StartWith("""{"id": "J2", """));
            Assert.That(allocated, Is.LessThan(LongLineBytes / 3), "the long line is never held whole");
        });
    }

    [Test]
    public void A_long_unquoted_field_is_too_long_not_a_quote_error_and_loads_under_a_higher_limit()
    {
        var huge = new string('y', 5 << 20);
        WriteText("wide.csv", $"id,name\nW1,Ann\nW2,{huge}\nW3,Cy\n");
        const string source = """{ "system": "wide", "path": "wide.csv", "key": "id", "fields": { "name": "name" } """;

        var rows = ReadSource(source + "}");
        Assert.That(rows.Select(r => r.Record?.Key ?? "reject"), Is.EqualTo(new[] { "W1", "reject", "W3" }), "default limit: 4 MiB");
        Assert.That(rows[1].Reject!.Reason, Does.Contain("longer than the limit of 4,194,304 bytes"));
        Assert.That(rows[1].Reject!.Reason, Does.Not.Contain("quote"));

        rows = ReadSource(source + """, "max_row_bytes": 8388608 }""");
        Assert.That(Rejected(rows), Is.Empty);
        Assert.That(rows[1].Record!["name"], Has.Length.EqualTo(huge.Length));
    }

    [Test]
    public void A_real_unbalanced_quote_is_still_called_one()
    {
        WriteText("q.csv", "id,name\nQ1,\"Ann\nQ2,Bob\n");
        var rows = ReadSource("""{ "system": "q", "path": "q.csv", "key": "id", "fields": { "name": "name" } }""");
        Assert.That(rows[0].Reject!.Reason, Does.Contain("unbalanced quote"));
        Assert.That(rows[1].Record!.Key, Is.EqualTo("Q2"));
    }

    [TestCase("csv")]
    [TestCase("jsonl")]
    public void A_nul_in_the_key_rejects_the_row_and_elsewhere_it_is_removed_with_a_finding(string format)
    {
        if (format == "csv") WriteText("n.csv", "id,name,phone\nN\0 1,Ann,138\nN2,B\0ob,13\u00009\nN3,Cy,1\n");
        else WriteText("n.jsonl", "{\"id\": \"N\\u0000 1\", \"name\": \"Ann\"}\n{\"id\": \"N2\", \"name\": \"B\\u0000ob\", \"phone\": \"13\\u00009\"}\n{\"id\": \"N3\", \"name\": \"Cy\"}\n");
        var rows = ReadSource($$"""{ "system": "n", "path": "n.{{format}}", "key": "id", "fields": { "name": "name", "phone": "phone" } }""");

        Assert.That(rows.Select(r => r.Record?.Key ?? "reject"), Is.EqualTo(new[] { "reject", "N2", "N3" }));
        Assert.That(rows[0].Reject!.Reason, Does.Contain("NUL"));
        Assert.That(rows[0].Reject!.Field, Is.EqualTo("id"));
        var cleaned = rows[1].Record!;
        Assert.That(cleaned["name"], Is.EqualTo("Bob"));
        Assert.That(cleaned["phone"], Is.EqualTo("139"));
        Assert.That(cleaned.ReadFindings.Select(f => (f.Field, f.Code)),
            Is.EquivalentTo(new[] { ("name", ReadFindingCodes.NulRemoved), ("phone", ReadFindingCodes.NulRemoved) }));
        Assert.That(rows[2].Record!.ReadFindings, Is.Empty);
        Assert.That(rows.Where(r => r.Record is not null).SelectMany(r => r.Record!.Fields.Values).Any(v => v.Contains('\0')), Is.False);
    }

    [TestCase("utf-8")]
    [TestCase("gb18030")]
    public void A_bom_in_the_middle_of_a_file_is_removed_from_keys_and_values(string encoding)
    {
        // Two exports joined with cat: the second file's BOM now starts line 3, in front of its first key.
        var enc = GetEncoding(encoding);
        var bom = enc.GetPreamble().Length > 0 ? enc.GetPreamble() : Encoding.UTF8.GetPreamble();
        if (encoding == "gb18030") bom = enc.GetBytes("\uFEFF");
        WriteBytes("hk.csv", enc.GetPreamble(), enc.GetBytes("id,name\nHK1,陈大文\n"), bom, enc.GetBytes("HKBOM1,李\uFEFF小龙\n"));
        var rows = ReadSource($$"""{ "system": "hk", "path": "hk.csv", "encoding": "{{encoding}}", "key": "id", "fields": { "name": "name" } }""");

        Assert.That(Rejected(rows), Is.Empty);
        Assert.That(rows.Select(r => r.Record!.Key), Is.EqualTo(new[] { "HK1", "HKBOM1" }));
        var joined = rows[1].Record!;
        Assert.That(joined["name"], Is.EqualTo("李小龙"));
        Assert.That(joined.ReadFindings.Select(f => (f.Field, f.Code)),
            Is.EquivalentTo(new[] { (ReadFindingCodes.KeyField, ReadFindingCodes.StrayBomRemoved), ("name", ReadFindingCodes.StrayBomRemoved) }));
        Assert.That(rows[0].Record!.ReadFindings, Is.Empty, "the BOM at the very start of the file is not a finding");
    }

    [Test]
    public void A_json_array_file_is_rejected_as_a_json_array_not_as_bad_json_lines()
    {
        WriteText("pretty.jsonl", "[\n  {\"id\": \"P1\", \"name\": \"Ann\"},\n  {\"id\": \"P2\", \"name\": \"Bob\"}\n]\n");
        WriteText("flat.jsonl", "[{\"id\": \"F1\", \"name\": \"Ann\"}, {\"id\": \"F2\", \"name\": \"Bob\"}]\n");
        foreach (var (name, lines) in new[] { ("pretty", 4), ("flat", 1) })
        {
            var rows = ReadSource($$"""{ "system": "{{name}}", "path": "{{name}}.jsonl", "key": "id", "fields": { "name": "name" } }""");
            Assert.That(rows, Has.Count.EqualTo(lines), name);
            Assert.That(Accepted(rows), Is.Empty, $"{name}: not even the element that happens to be a whole object on its line");
            Assert.That(rows.Select(r => r.Reject!.Reason), Has.All.Contains("one JSON array, not JSON lines"), name);
        }
    }

    [Test]
    public void An_array_on_a_later_line_is_an_ordinary_reject()
    {
        WriteText("a.jsonl", "{\"id\": \"A1\"}\n[\"A2\"]\n{\"id\": \"A3\"}\n");
        var rows = ReadSource("""{ "system": "a", "path": "a.jsonl", "key": "id", "fields": { "name": "name" } }""");
        Assert.That(rows.Select(r => r.Record?.Key ?? r.Reject!.Reason), Is.EqualTo(new[] { "A1", "expected a JSON object but found an array", "A3" }));
    }

    [TestCase("\"big\"")]
    [TestCase("100")]
    [TestCase("1.5e6")]
    [TestCase("1073741824")]
    public void An_invalid_max_row_bytes_is_a_configuration_error(string value)
    {
        var ex = Assert.Throws<SourcesFileException>(() =>
            LoadSources($$"""{ "sources": [ { "system": "s", "path": "s.csv", "key": "id", "max_row_bytes": {{value}}, "fields": { "name": "n" } } ] }"""));
        Assert.That(ex!.Message, Does.Contain("\"max_row_bytes\" must be a whole number of bytes from 1024 to 134217728").And.Contain("source 's'"));
    }

    [Test]
    public void Max_row_bytes_applies_to_transaction_files_too()
    {
        WriteText("t.csv", "id,amount\nT1,10\nT2," + new string('9', 4000) + "\nT3,30\n");
        var file = LoadSources("""
            { "sources": [ { "system": "s", "path": "s.csv", "key": "id", "fields": { "name": "n" } } ],
              "transactions": [ { "system": "s", "path": "t.csv", "key": "id", "amount": "amount", "max_row_bytes": 1024 } ] }
            """);
        Assert.That(file.Transactions[0].MaxRowBytes, Is.EqualTo(1024));
        Assert.That(file.Sources[0].MaxRowBytes, Is.EqualTo(FileSourceDefinition.DefaultMaxRowBytes));
        using var source = FileConnectors.OpenTransactions(file.Transactions[0], file);
        var rows = source.ReadTransactions().ToList();
        Assert.That(rows.Select(r => r.Transaction?.CustomerKey ?? r.Reject!.Reason[..20]), Is.EqualTo(new[] { "T1", "row longer than the ", "T3" }));
    }
}
