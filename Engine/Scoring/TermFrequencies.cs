using Mdm.Engine.Standardization;

namespace Mdm.Engine.Scoring;

/// <summary>
/// How often each value of a feature occurs among the records of a run, so that agreeing on a common value (张伟, a
/// household landline) counts for less than agreeing on a rare one (欧阳娜娜). Multi-valued features count each value.
/// </summary>
public sealed class TermFrequencies
{
    private readonly Dictionary<string, int>[] _counts;
    private readonly long[] _totals;

    // Per feature: the sum over its values of count², so the record-weighted mean frequency is Σ count² / total².
    private readonly double[] _sumSquares;

    public TermFrequencies(IEnumerable<Feature> features)
    {
        _counts = new Dictionary<string, int>[FeatureNames.Count];
        _totals = new long[FeatureNames.Count];
        _sumSquares = new double[FeatureNames.Count];
        foreach (var f in features) _counts[(int)f] ??= new Dictionary<string, int>(StringComparer.Ordinal);
    }

    public bool Tracks(Feature feature) => _counts[(int)feature] is not null;

    public void Add(StandardizedRecord record) => Apply(record, +1);

    /// <summary>Takes a record's values out again (a retired record, or the old version of a changed one).</summary>
    public void Remove(StandardizedRecord record) => Apply(record, -1);

    private void Apply(StandardizedRecord record, int delta)
    {
        for (var f = 0; f < _counts.Length; f++)
        {
            var counts = _counts[f];
            if (counts is null) continue;
            var value = record.Values[f];
            if (value is null) continue;
            if (value.Contains(' ') && (Feature)f == Feature.Phones)
            {
                foreach (var part in value.Split(' ', StringSplitOptions.RemoveEmptyEntries)) Bump(counts, part, f, delta);
            }
            else Bump(counts, value, f, delta);
        }
    }

    private void Bump(Dictionary<string, int> counts, string value, int f, int delta)
    {
        ref var n = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, value, out _);
        var before = Math.Max(0, n);
        n += delta;
        _sumSquares[f] += (double)Math.Max(0, n) * Math.Max(0, n) - (double)before * before;
        if (n <= 0) counts.Remove(value);
        _totals[f] = Math.Max(0, _totals[f] + delta);
    }

    /// <summary>
    /// The counts as bytes, kept with the store so incremental and real-time resolutions weigh values as the last full
    /// resolution did (and adjust them as records come and go) without re-reading every record.
    /// </summary>
    public byte[] Serialize()
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(1); // format version
            for (var f = 0; f < _counts.Length; f++)
            {
                var counts = _counts[f];
                if (counts is null) continue;
                w.Write(((Feature)f).Name());
                w.Write(_totals[f]);
                w.Write(counts.Count);
                foreach (var (value, n) in counts) { w.Write(value); w.Write(n); }
            }
            w.Write("");
        }
        return buffer.ToArray();
    }

    /// <summary>Reads <see cref="Serialize"/>'s bytes; features the snapshot lacks start empty.</summary>
    public static TermFrequencies Deserialize(byte[] bytes, IEnumerable<Feature> features)
    {
        var tf = new TermFrequencies(features);
        using var r = new BinaryReader(new MemoryStream(bytes), System.Text.Encoding.UTF8);
        if (r.ReadInt32() != 1) throw new InvalidDataException("unknown term-frequency snapshot format");
        while (true)
        {
            var name = r.ReadString();
            if (name.Length == 0) break;
            var f = (int)FeatureNames.Parse(name);
            var total = r.ReadInt64();
            var n = r.ReadInt32();
            var counts = tf._counts[f];
            if (counts is null)
            {
                for (var i = 0; i < n; i++) { r.ReadString(); r.ReadInt32(); }
                continue;
            }
            counts.EnsureCapacity(n);
            double squares = 0;
            for (var i = 0; i < n; i++)
            {
                var value = r.ReadString();
                var count = r.ReadInt32();
                counts[value] = count;
                squares += (double)count * count;
            }
            tf._totals[f] = total;
            tf._sumSquares[f] = squares;
        }
        return tf;
    }

    /// <summary>Share of values of <paramref name="feature"/> equal to <paramref name="value"/> (0 when unknown).</summary>
    public double Frequency(Feature feature, string value)
    {
        var counts = _counts[(int)feature];
        if (counts is null || _totals[(int)feature] == 0) return 0;
        return counts.TryGetValue(value, out var n) ? (double)n / _totals[(int)feature] : 0;
    }

    /// <summary>
    /// The frequency of the value a random record holds, averaged over records (Σ f²): the chance that two random records
    /// agree on the feature, duplicates of one customer included. A value this frequent is neither common nor rare.
    /// </summary>
    public double MeanFrequency(Feature feature)
    {
        var total = _totals[(int)feature];
        return total == 0 ? 0 : _sumSquares[(int)feature] / ((double)total * total);
    }

    public int Count(Feature feature, string value)
    {
        var counts = _counts[(int)feature];
        return counts is not null && counts.TryGetValue(value, out var n) ? n : 0;
    }
}
