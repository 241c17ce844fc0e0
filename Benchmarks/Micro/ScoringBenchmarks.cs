using BenchmarkDotNet.Attributes;
using Mdm.Engine.Records;
using Mdm.Engine.Scoring;
using Mdm.Engine.Standardization;

namespace Mdm.Benchmarks.Micro;

/// <summary>Cost of comparing one candidate pair with the default comparisons (the batch's inner loop).</summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private StandardizedRecord[] _left = [];
    private StandardizedRecord[] _right = [];
    private PairScorer _scorer = null!;

    public const int Pairs = 1000;

    [GlobalSetup]
    public void Setup()
    {
        var std = new RecordStandardizer();
        var a = SampleRecords.Mixed(Pairs, seed: 2);
        var b = SampleRecords.Mixed(Pairs, seed: 3);
        _left = a.Select(r => std.Standardize(r)).ToArray();
        _right = b.Select(r => std.Standardize(r)).ToArray();
        _scorer = new PairScorer(MatchingConfiguration.Default());
    }

    [Benchmark(OperationsPerInvoke = Pairs)]
    public ulong ComparePairs()
    {
        ulong x = 0;
        for (var i = 0; i < _left.Length; i++) x ^= _scorer.Pattern(_left[i], _right[i]);
        return x;
    }

    [Benchmark(OperationsPerInvoke = Pairs)]
    public double JaroWinklerNames()
    {
        double s = 0;
        for (var i = 0; i < _left.Length; i++)
            s += Comparators.JaroWinkler(_left[i][Feature.NamePinyinKey] ?? "", _right[i][Feature.NamePinyinKey] ?? "");
        return s;
    }
}
