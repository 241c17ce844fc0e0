namespace Mdm.Engine.Candidates;

/// <summary>
/// Candidate pairs as packed longs (smaller id in the high half), sorted and distinct. A flat array, not a set of
/// objects: tens of millions of pairs must fit in memory and be scanned quickly.
/// </summary>
public sealed class CandidatePairs
{
    public CandidatePairs(long[] pairs, int count, BlockingStatistics statistics)
    {
        Pairs = pairs;
        Count = count;
        Statistics = statistics;
    }

    public long[] Pairs { get; }
    public int Count { get; }
    public BlockingStatistics Statistics { get; }

    public static long Pack(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    public static (int A, int B) Unpack(long pair) => ((int)(pair >> 32), (int)(pair & 0xFFFFFFFF));

    /// <summary>Sorts and removes duplicates in place (a pair found by several rules is scored once).</summary>
    /// <summary>Appends every pair of one block's records (positions); returns how many pairs that made.</summary>
    public static int AddBlock(ref long[] pairs, ref int count, ReadOnlySpan<int> block)
    {
        var n = block.Length;
        var needed = count + n * (n - 1) / 2;
        if (needed > pairs.Length) Array.Resize(ref pairs, Math.Max(needed, pairs.Length * 2));
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++)
                pairs[count++] = Pack(block[i], block[j]);
        return n * (n - 1) / 2;
    }

    public static int SortDistinct(long[] pairs, int count)
    {
        Array.Sort(pairs, 0, count);
        if (count == 0) return 0;
        var w = 1;
        for (var r = 1; r < count; r++)
            if (pairs[r] != pairs[w - 1]) pairs[w++] = pairs[r];
        return w;
    }
}

/// <summary>What blocking did, per rule: blocks used, blocks skipped for being too large, pairs produced.</summary>
public sealed class BlockingStatistics
{
    public BlockingStatistics(int rules) { Blocks = new long[rules]; OversizedBlocks = new long[rules]; PairsProduced = new long[rules]; RuleNames = new string[rules]; }
    public string[] RuleNames { get; }
    public long[] Blocks { get; }
    public long[] OversizedBlocks { get; }
    public long[] PairsProduced { get; }
    public long DistinctPairs { get; set; }
}
