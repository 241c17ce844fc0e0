namespace Mdm.Engine.Candidates.Analysis;

/// <summary>What a <see cref="ChineseToken"/> is made of.</summary>
public enum ChineseTokenKind : byte
{
    /// <summary>A dictionary word or a single Han character.</summary>
    Word,
    /// <summary>A run of non-Han letters (Latin, Greek, kana ...), lower-cased.</summary>
    Alphanum,
    /// <summary>A run of decimal digits, folded to ASCII.</summary>
    Num,
}

/// <summary>
/// One token found by <see cref="ChineseSegmenter"/>: a span of the segmented text plus its kind.
/// The term is the span itself for <see cref="ChineseTokenKind.Word"/>, and its folded form (half-width,
/// lower case, ASCII digits) otherwise; folding never changes the length.
/// </summary>
/// <param name="Start">Offset of the first char in the segmented text.</param>
/// <param name="Length">Length in chars (equal to the term's length).</param>
/// <param name="Kind">Word, letters or digits.</param>
public readonly record struct ChineseToken(int Start, int Length, ChineseTokenKind Kind)
{
    /// <summary>Offset just past the last char.</summary>
    public int End => Start + Length;

    /// <summary>Writes the term into <paramref name="destination"/> (at least <see cref="Length"/> chars).</summary>
    public void CopyTermTo(ReadOnlySpan<char> text, Span<char> destination)
    {
        ReadOnlySpan<char> source = text.Slice(Start, Length);
        if (Kind == ChineseTokenKind.Word)
        {
            source.CopyTo(destination);
        }
        else
        {
            CharFolding.Fold(source, destination);
        }
    }

    /// <summary>The term as a new string (allocates; for tests and diagnostics).</summary>
    public string GetTerm(ReadOnlySpan<char> text)
    {
        Span<char> buffer = Length <= 256 ? stackalloc char[Length] : new char[Length];
        CopyTermTo(text, buffer);
        return buffer.ToString();
    }
}
