namespace Mdm.Engine.Standardization.Text;

/// <summary>
/// Code point → replacement table used by the script converters. BMP keys with a single-char BMP replacement live in a
/// flat 64K array (one load per char on the hot path); supplementary-plane keys or values go to a small dictionary.
/// Read-only once built, so it is safe to share between threads.
/// </summary>
internal sealed class CharMap
{
    /// <summary>Marks a BMP key whose replacement is not a single BMP char (look it up in <see cref="_wide"/>).</summary>
    private const char WideMarker = '\uFFFF';

    private readonly char[] _bmp = new char[0x10000];
    private readonly Dictionary<int, string> _wide = [];

    /// <summary>Number of keys.</summary>
    public int Count { get; private set; }

    /// <summary>Adds or replaces a mapping. Identity mappings are ignored.</summary>
    public void Set(int codePoint, string replacement)
    {
        if (replacement.Length == 0 || (codePoint <= 0xFFFF && replacement.Length == 1 && replacement[0] == codePoint)
            || (replacement.Length == 2 && char.IsSurrogatePair(replacement[0], replacement[1])
                && char.ConvertToUtf32(replacement[0], replacement[1]) == codePoint))
        {
            return;
        }

        if (!Contains(codePoint))
        {
            Count++;
        }

        if (codePoint <= 0xFFFF && replacement.Length == 1 && replacement[0] != WideMarker)
        {
            _bmp[codePoint] = replacement[0];
            _wide.Remove(codePoint);
        }
        else
        {
            _wide[codePoint] = replacement;
            if (codePoint <= 0xFFFF)
            {
                _bmp[codePoint] = WideMarker;
            }
        }
    }

    public bool Contains(int codePoint) => codePoint <= 0xFFFF ? _bmp[codePoint] != '\0' : _wide.ContainsKey(codePoint);

    /// <summary>The replacement for <paramref name="codePoint"/>, or null when it maps to itself.</summary>
    public string? Get(int codePoint)
    {
        if (codePoint <= 0xFFFF)
        {
            char c = _bmp[codePoint];
            return c == '\0' ? null : c == WideMarker ? _wide[codePoint] : c.ToString();
        }

        return _wide.GetValueOrDefault(codePoint);
    }

    /// <summary>Keys in the table (for building derived tables at load time; not for hot paths).</summary>
    public IEnumerable<int> Keys()
    {
        for (int c = 0; c < _bmp.Length; c++)
        {
            if (_bmp[c] != '\0' && _bmp[c] != WideMarker)
            {
                yield return c;
            }
        }

        foreach (int key in _wide.Keys)
        {
            yield return key;
        }
    }

    /// <summary>
    /// Appends the replacement of the code point at <paramref name="index"/> (or the code point itself when unmapped)
    /// and returns whether it was replaced. <paramref name="consumed"/> is 1, or 2 for a surrogate pair.
    /// </summary>
    public bool AppendMapped(scoped ReadOnlySpan<char> text, int index, ref ValueStringBuilder output, out int consumed)
    {
        char c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            consumed = 2;
            if (_wide.Count != 0 && _wide.TryGetValue(char.ConvertToUtf32(c, text[index + 1]), out string? wide))
            {
                output.Append(wide);
                return true;
            }

            output.Append(c);
            output.Append(text[index + 1]);
            return false;
        }

        consumed = 1;
        char mapped = _bmp[c];
        if (mapped == '\0')
        {
            output.Append(c);
            return false;
        }

        if (mapped == WideMarker)
        {
            output.Append(_wide[c]);
        }
        else
        {
            output.Append(mapped);
        }

        return true;
    }
}
