using System.Diagnostics;
using System.Text;
using Mdm.Connectors;

namespace Mdm.Tests.Connectors;

/// <summary>Measures reading speed on a generated million-row file. Explicit: run by hand, not in every test run.</summary>
[TestFixture]
[Explicit("writes ~120 MB and takes several seconds; run by hand to measure throughput")]
public sealed class ThroughputTests : ConnectorTestBase
{
    [TestCase("utf-8", 1_000_000)]
    [TestCase("gb18030", 1_000_000)]
    public void Reads_a_million_csv_rows(string encoding, int rows)
    {
        var path = Path.Combine(Dir, "big.csv");
        using (var writer = new StreamWriter(path, false, GetEncoding(encoding), 1 << 16))
        {
            writer.Write("客户编号,客户名称,客户类型,证件号码,联系电话,地址,更新时间\n");
            for (var i = 0; i < rows; i++)
            {
                writer.Write("C"); writer.Write(i); writer.Write(",张三"); writer.Write(i % 1000);
                writer.Write(i % 10 == 0 ? ",单位," : ",个人,");
                writer.Write("1101011990030"); writer.Write((i % 100000).ToString("D5")); writer.Write(",1380013");
                writer.Write((i % 10000).ToString("D4")); writer.Write(",\"北京市朝阳区建国路");
                writer.Write(i % 500); writer.Write("号\",2024-03-01 10:15:00\n");
            }
        }
        var file = LoadSources($$"""
            { "sources": [ { "system": "counter", "path": "big.csv", "encoding": "{{encoding}}", "key": "客户编号",
              "kind": { "column": "客户类型", "organization": ["单位"] }, "updated_at": "更新时间",
              "fields": { "name": "客户名称", "national_id": "证件号码", "phone": "联系电话", "address": "地址" } } ] }
            """);

        var watch = Stopwatch.StartNew();
        long accepted = 0, rejected = 0;
        using (var source = FileConnectors.OpenRecords(file.Sources[0], file))
        {
            foreach (var row in source.ReadRecords())
            {
                if (row.Record is not null) accepted++;
                else rejected++;
            }
        }
        watch.Stop();
        var megabytes = new FileInfo(path).Length / 1e6;
        TestContext.Out.WriteLine($"{encoding}: {rows:N0} rows, {megabytes:F0} MB in {watch.Elapsed.TotalSeconds:F2} s " +
                                  $"({rows / watch.Elapsed.TotalSeconds:N0} rows/s)");
        Assert.That(accepted, Is.EqualTo(rows));
        Assert.That(rejected, Is.Zero);
    }
}
