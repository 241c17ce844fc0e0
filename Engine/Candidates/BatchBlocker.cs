using System.Collections.Concurrent;
using System.Text;
using Mdm.Engine.Standardization;

namespace Mdm.Engine.Candidates;

/// <summary>
/// Batch blocking in memory: every record's blocking keys as (rule, hash), sorted, each run of equal keys a block. It
/// gives exactly the blocks of walking the freshly built index's terms (<see cref="CandidateIndex.BlockAll"/>): a term is
/// the rule and the hash, a document counts once per term, and blocks over their rule's cap are skipped. It needs no
/// index, so a full resolution can block and score while the index for later look-ups is still being built.
/// </summary>
public static class BatchBlocker
{
    public static CandidatePairs Block(BlockingKeyBuilder keys, IReadOnlyList<StandardizedRecord> records, CancellationToken ct = default)
    {
        // 1. Keys of every record, on all cores: hash, and rule with the record's position packed in one long.
        var parts = new ConcurrentBag<(int From, ulong[] Hashes, long[] Items, int Count)>();
        Parallel.ForEach(Partitioner.Create(0, records.Count, Math.Max(4096, records.Count / 64 + 1)), new ParallelOptions { CancellationToken = ct }, range =>
        {
            var found = new List<(int Rule, ulong Hash)>(16);
            var sb = new StringBuilder(64);
            var hashes = new ulong[(range.Item2 - range.Item1) * 6];
            var items = new long[hashes.Length];
            var n = 0;
            for (var i = range.Item1; i < range.Item2; i++)
            {
                found.Clear();
                keys.AddKeyHashes(records[i], found, sb);
                if (n + found.Count > hashes.Length)
                {
                    Array.Resize(ref hashes, Math.Max(n + found.Count, hashes.Length * 2));
                    Array.Resize(ref items, hashes.Length);
                }
                foreach (var (rule, hash) in found)
                {
                    hashes[n] = hash;
                    items[n++] = ((long)rule << 32) | (uint)i;
                }
            }
            parts.Add((range.Item1, hashes, items, n));
        });
        var ordered = parts.ToArray();
        Array.Sort(ordered, (a, b) => a.From.CompareTo(b.From));
        var total = 0;
        foreach (var p in ordered) total += p.Count;
        var allHashes = new ulong[total];
        var allItems = new long[total];
        var at = 0;
        foreach (var p in ordered)
        {
            Array.Copy(p.Hashes, 0, allHashes, at, p.Count);
            Array.Copy(p.Items, 0, allItems, at, p.Count);
            at += p.Count;
        }
        ordered = null;
        parts.Clear();

        // 2. Group equal keys: sort by hash, then each run of one hash by rule and position.
        Array.Sort(allHashes, allItems);
        var stats = new BlockingStatistics(keys.RuleCount);
        for (var r = 0; r < keys.RuleCount; r++) stats.RuleNames[r] = keys.RuleName(r);
        var pairs = new long[1 << 16];
        var count = 0;
        var block = new int[128];
        for (var start = 0; start < total;)
        {
            var end = start + 1;
            while (end < total && allHashes[end] == allHashes[start]) end++;
            if (end - start > 1) Array.Sort(allItems, start, end - start);
            // Within a run of one hash, each rule is its own term (the rule is part of the term).
            for (var s = start; s < end;)
            {
                var rule = (int)(allItems[s] >> 32);
                var e = s + 1;
                while (e < end && (int)(allItems[e] >> 32) == rule) e++;
                // Distinct records only: a record with the same key twice is one document in the term's postings.
                var n = 0;
                for (var k = s; k < e; k++)
                {
                    var position = (int)(allItems[k] & 0xFFFFFFFF);
                    if (n > 0 && block[n - 1] == position) continue;
                    if (n == block.Length) Array.Resize(ref block, n * 2);
                    block[n++] = position;
                }
                s = e;
                if (n < 2) continue;
                if (n > keys.MaxBlockSize(rule)) { stats.OversizedBlocks[rule]++; continue; }
                stats.Blocks[rule]++;
                stats.PairsProduced[rule] += CandidatePairs.AddBlock(ref pairs, ref count, block.AsSpan(0, n));
            }
            start = end;
        }
        count = CandidatePairs.SortDistinct(pairs, count);
        stats.DistinctPairs = count;
        return new CandidatePairs(pairs, count, stats);
    }
}
