using System.Buffers;

namespace Mdm.Engine.Standardization.Text;

/// <summary>
/// Minimal stack-first string builder for the per-value hot paths (folding, script conversion, pinyin):
/// starts in a caller-supplied (usually stackalloc'd) buffer and only rents from the shared pool when a value is long.
/// Always <see cref="Dispose"/> it (use a <c>using</c> declaration).
/// </summary>
internal ref struct ValueStringBuilder
{
    private char[]? _rented;
    private Span<char> _chars;
    private int _length;

    public ValueStringBuilder(Span<char> initialBuffer)
    {
        _rented = null;
        _chars = initialBuffer;
        _length = 0;
    }

    public readonly int Length => _length;

    public readonly ReadOnlySpan<char> AsSpan() => _chars[.._length];

    public void Append(char c)
    {
        if ((uint)_length < (uint)_chars.Length)
        {
            _chars[_length++] = c;
        }
        else
        {
            Grow(1);
            _chars[_length++] = c;
        }
    }

    public void Append(scoped ReadOnlySpan<char> value)
    {
        if (_length > _chars.Length - value.Length)
        {
            Grow(value.Length);
        }

        value.CopyTo(_chars[_length..]);
        _length += value.Length;
    }

    /// <summary>Drops the last <paramref name="count"/> characters.</summary>
    public void Shrink(int count) => _length = Math.Max(0, _length - count);

    public override readonly string ToString() => _length == 0 ? string.Empty : new string(_chars[.._length]);

    public void Dispose()
    {
        char[]? toReturn = _rented;
        this = default;
        if (toReturn is not null)
        {
            ArrayPool<char>.Shared.Return(toReturn);
        }
    }

    private void Grow(int additional)
    {
        int newSize = Math.Max(_length + additional, Math.Max(_chars.Length * 2, 64));
        char[] next = ArrayPool<char>.Shared.Rent(newSize);
        _chars[.._length].CopyTo(next);
        char[]? old = _rented;
        _chars = next;
        _rented = next;
        if (old is not null)
        {
            ArrayPool<char>.Shared.Return(old);
        }
    }
}
