using System.Globalization;

namespace Mdm.Benchmarks.Generator;

/// <summary>
/// Record keys that look arbitrary (C40938271) but never repeat: an affine bijection of 0..10^8-1, so the key
/// order says nothing about which records belong together. Valid rows use the lower half of the index range,
/// deliberately bad rows the upper half, so the two never collide.
/// </summary>
internal sealed class KeySequence
{
    private const long Modulus = 100_000_000;
    private const long BadRowBase = Modulus / 2;
    private readonly string _prefix;
    private readonly long _multiplier;
    private readonly long _offset;
    private long _next;
    private long _nextBad = BadRowBase;

    public KeySequence(string prefix, Random random)
    {
        _prefix = prefix;
        long m;
        do m = random.NextInt64(10_000_001, Modulus); while (m % 2 == 0 || m % 5 == 0); // coprime with 10^8
        _multiplier = m;
        _offset = random.NextInt64(Modulus);
    }

    public string Next()
    {
        if (_next >= BadRowBase) throw new InvalidOperationException("Too many records for one system (50 million).");
        return Format(_next++);
    }

    public string NextForBadRow() => Format(_nextBad++);

    private string Format(long index) =>
        _prefix + ((index * _multiplier + _offset) % Modulus).ToString("D8", CultureInfo.InvariantCulture);
}
