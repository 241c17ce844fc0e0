using BenchmarkDotNet.Attributes;
using Mdm.Engine.Records;
using Mdm.Engine.Standardization;

namespace Mdm.Benchmarks.Micro;

/// <summary>Standardization throughput on one core: records per second = OperationsPerInvoke / mean time.</summary>
[MemoryDiagnoser]
public class StandardizationBenchmarks
{
    private readonly RecordStandardizer _standardizer = new();
    private SourceRecord[] _records = [];

    public const int Batch = 1000;

    [GlobalSetup]
    public void Setup()
    {
        _records = SampleRecords.Mixed(Batch, seed: 1);
        // Warm the lazily loaded reference tables outside the measurement.
        foreach (var r in _records) _standardizer.Standardize(r);
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int StandardizeMixedRecords()
    {
        var n = 0;
        foreach (var r in _records) n += _standardizer.Standardize(r).Completeness;
        return n;
    }
}

/// <summary>Realistic source records (Chinese and English, several systems' shapes) for micro benchmarks.</summary>
public static class SampleRecords
{
    private static readonly string[] Names = ["张伟", "王芳", "欧阳娜娜", "張偉", "Zhang Wei", "WEI ZHANG", "李秀英", "司马光", "Chen, Jing", "John Smith"];
    private static readonly string[] Addresses =
    [
        "广东省深圳市南山区粤海街道科技园路12号", "深圳南山科技园路１２号", "北京市朝阳区建国路88号SOHO现代城3栋1201室",
        "上海浦东新区世纪大道100号", "浙江省杭州市西湖区文三路478号", "南京市鼓楼区中山路1号", "42 Main Street Apt 3",
    ];
    private static readonly string[] Phones = ["13812345678", "+86 138 1234 5678", "86-139-8765-4321", "0755-87654321", "(010)88886666 / 13700001111"];
    private static readonly string[] Ids = ["11010519491231002X", "110105491231002", "440524188001010014", "123456", ""];

    public static SourceRecord[] Mixed(int count, int seed)
    {
        var rng = new Random(seed);
        var result = new SourceRecord[count];
        for (var i = 0; i < count; i++)
        {
            var fields = new Dictionary<string, string>
            {
                [CanonicalField.Name] = Names[rng.Next(Names.Length)],
                [CanonicalField.Address] = Addresses[rng.Next(Addresses.Length)],
                [CanonicalField.Phone] = Phones[rng.Next(Phones.Length)],
                [CanonicalField.BirthDate] = $"19{rng.Next(50, 99)}-0{rng.Next(1, 9)}-1{rng.Next(0, 9)}",
                [CanonicalField.Email] = $"user{i}@example.com",
            };
            var id = Ids[rng.Next(Ids.Length)];
            if (id.Length > 0) fields[CanonicalField.NationalId] = id;
            result[i] = new SourceRecord("bench", i.ToString(System.Globalization.CultureInfo.InvariantCulture), PartyKind.Person, fields);
        }
        return result;
    }
}
