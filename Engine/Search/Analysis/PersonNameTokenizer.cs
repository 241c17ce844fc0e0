using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Mdm.Engine.Search.Analysis;

/// <summary>
/// Tokenizer for person names written in Han characters, in Latin letters, or both.
/// Han characters give unigrams (<see cref="SingleType"/>), the pinyin of each character at the same position
/// (<see cref="PinyinType"/>) and the bigram starting at it (<see cref="BigramType"/>):
/// 张伟 → 张, zhang, 张伟, 伟, wei. Latin names give lower-cased words (<see cref="AlphanumType"/>)
/// split on anything that is not a letter or digit: "WEI ZHANG" → wei, zhang; optionally a run of romanised pinyin
/// is also split into syllables at the same position: xiaoming → xiaoming, xiao, ming.
/// </summary>
/// <remarks>
/// Bigrams join Han characters across spaces and middle dots, so "张 伟" indexes 张伟 like 张伟 does, and
/// 阿沛·阿旺晋美 keeps its bigram 沛阿; any other punctuation, a letter or a digit ends the bigram chain.
/// All tokens of an input are computed on the first <see cref="IncrementToken"/> into buffers owned by the
/// tokenizer, which are reused for the next input.
/// </remarks>
public sealed class PersonNameTokenizer : Tokenizer
{
    /// <summary>Token type of a single Han character.</summary>
    public const string SingleType = "<SINGLE>";

    /// <summary>Token type of two adjacent Han characters.</summary>
    public const string BigramType = "<DOUBLE>";

    /// <summary>Token type of a pinyin syllable.</summary>
    public const string PinyinType = "<PINYIN>";

    /// <summary>Token type of a run of Latin letters (lower-cased, half-width).</summary>
    public const string AlphanumType = "<ALPHANUM>";

    /// <summary>Token type of a run of ASCII digits.</summary>
    public const string NumType = "<NUM>";

    /// <summary>Longest token emitted; longer runs are cut (Lucene's term length limit is far above any name).</summary>
    private const int MaxTokenLength = 255;

    private const int RetainedBufferLimit = 1 << 16;

    private readonly Func<char, string?> _pinyinOfChar;
    private readonly Func<string, string[]?>? _segmentPinyin;
    private readonly ICharTermAttribute _termAttribute;
    private readonly IOffsetAttribute _offsetAttribute;
    private readonly ITypeAttribute _typeAttribute;
    private readonly IPositionIncrementAttribute _positionIncrementAttribute;

    private readonly List<PendingToken> _tokens = new(16);
    private char[] _text = new char[128];
    private char[] _terms = new char[256]; // all term texts of the current input, back to back
    private int _termsLength;
    private int _next;
    private bool _analyzed;
    private int _finalOffset;

    /// <summary>Creates a tokenizer over <paramref name="input"/>.</summary>
    /// <param name="input">The name text.</param>
    /// <param name="pinyinOfChar">Toneless pinyin of a Han character (e.g. 张 → "zhang"), or null when unknown.
    /// Called concurrently from several threads.</param>
    /// <param name="segmentPinyin">Optional: splits a romanised run into pinyin syllables ("xiaoming" →
    /// ["xiao", "ming"]), or returns null when it is not pinyin. Called concurrently from several threads.</param>
    public PersonNameTokenizer(TextReader input, Func<char, string?> pinyinOfChar, Func<string, string[]?>? segmentPinyin = null)
        : this(AttributeFactory.DEFAULT_ATTRIBUTE_FACTORY, input, pinyinOfChar, segmentPinyin)
    {
    }

    /// <summary>Creates a tokenizer with a custom attribute factory.</summary>
    public PersonNameTokenizer(AttributeFactory factory, TextReader input, Func<char, string?> pinyinOfChar,
        Func<string, string[]?>? segmentPinyin = null)
        : base(factory, input)
    {
        ArgumentNullException.ThrowIfNull(pinyinOfChar);
        _pinyinOfChar = pinyinOfChar;
        _segmentPinyin = segmentPinyin;
        _termAttribute = AddAttribute<ICharTermAttribute>();
        _offsetAttribute = AddAttribute<IOffsetAttribute>();
        _typeAttribute = AddAttribute<ITypeAttribute>();
        _positionIncrementAttribute = AddAttribute<IPositionIncrementAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        ClearAttributes();
        if (!_analyzed)
        {
            int length = CharFolding.ReadAll(m_input, ref _text);
            Analyze(_text.AsSpan(0, length));
            _finalOffset = CorrectOffset(length);
            _analyzed = true;
        }
        if (_next >= _tokens.Count)
        {
            return false;
        }
        PendingToken token = _tokens[_next++];
        _termAttribute.CopyBuffer(_terms, token.TermStart, token.TermLength);
        _offsetAttribute.SetOffset(CorrectOffset(token.StartOffset), CorrectOffset(token.EndOffset));
        _typeAttribute.Type = token.Type;
        _positionIncrementAttribute.PositionIncrement = token.PositionIncrement;
        return true;
    }

    /// <inheritdoc/>
    public override void End()
    {
        base.End();
        _offsetAttribute.SetOffset(_finalOffset, _finalOffset);
    }

    /// <inheritdoc/>
    public override void Reset()
    {
        base.Reset();
        _tokens.Clear();
        _termsLength = 0;
        _next = 0;
        _finalOffset = 0;
        _analyzed = false;
        if (_text.Length > RetainedBufferLimit)
        {
            _text = new char[128];
        }
        if (_terms.Length > RetainedBufferLimit)
        {
            _terms = new char[256];
        }
    }

    private void Analyze(ReadOnlySpan<char> text)
    {
        // Start and end of the previous Han character while a bigram chain is open, else -1.
        int previousHanStart = -1;
        int previousHanEnd = -1;
        int i = 0;
        while (i < text.Length)
        {
            CharClass kind = CharFolding.Classify(text, i);
            if (kind == CharClass.Han)
            {
                int length = char.IsHighSurrogate(text[i]) ? 2 : 1;
                if (previousHanStart >= 0)
                {
                    int termStart = _termsLength;
                    AppendTerm(text.Slice(previousHanStart, previousHanEnd - previousHanStart), fold: false);
                    AppendTerm(text.Slice(i, length), fold: false);
                    _tokens.Add(new PendingToken(termStart, _termsLength - termStart, previousHanStart, i + length, BigramType, 0));
                }
                AddToken(text.Slice(i, length), i, i + length, SingleType, 1, fold: false);
                if (length == 1 && _pinyinOfChar(text[i]) is { Length: > 0 } pinyin)
                {
                    AddToken(pinyin, i, i + 1, PinyinType, 0, fold: true);
                }
                previousHanStart = i;
                previousHanEnd = i + length;
                i += length;
                continue;
            }
            if (kind == CharClass.Separator)
            {
                if (!IsNameJoiner(text[i]))
                {
                    previousHanStart = previousHanEnd = -1;
                }
                i++;
                continue;
            }
            previousHanStart = previousHanEnd = -1;
            int start = i;
            i++;
            while (i < text.Length && i - start < MaxTokenLength && CharFolding.Classify(text, i) == kind)
            {
                i++;
            }
            if (kind == CharClass.Digit)
            {
                AddToken(text[start..i], start, i, NumType, 1, fold: true);
            }
            else
            {
                AddLatinWord(text[start..i], start);
            }
        }
    }

    private void AddLatinWord(ReadOnlySpan<char> word, int start)
    {
        int termStart = _termsLength;
        AddToken(word, start, start + word.Length, AlphanumType, 1, fold: true);
        if (_segmentPinyin is null || word.Length < 2)
        {
            return;
        }
        string[]? syllables = _segmentPinyin(new string(_terms, termStart, word.Length));
        if (syllables is null || syllables.Length < 2)
        {
            return; // not pinyin, or a single syllable that is already the word itself
        }
        int totalLength = 0;
        foreach (string syllable in syllables)
        {
            totalLength += syllable?.Length ?? 0;
        }
        // Syllables that spell the word exactly get their own offsets; otherwise they share the word's.
        bool exact = totalLength == word.Length;
        int offset = start;
        foreach (string syllable in syllables)
        {
            if (string.IsNullOrEmpty(syllable))
            {
                continue;
            }
            if (exact)
            {
                AddToken(syllable, offset, offset + syllable.Length, PinyinType, 0, fold: true);
                offset += syllable.Length;
            }
            else
            {
                AddToken(syllable, start, start + word.Length, PinyinType, 0, fold: true);
            }
        }
    }

    private static bool IsNameJoiner(char c) =>
        c is ' ' or '\u3000' or '\u00B7' or '\u30FB' or '\u2027' or '\u2022' or '\uFF65' || char.IsWhiteSpace(c);

    private void AddToken(ReadOnlySpan<char> term, int startOffset, int endOffset, string type, int positionIncrement, bool fold)
    {
        int termStart = _termsLength;
        AppendTerm(term, fold);
        _tokens.Add(new PendingToken(termStart, term.Length, startOffset, endOffset, type, positionIncrement));
    }

    private void AppendTerm(ReadOnlySpan<char> term, bool fold)
    {
        if (_termsLength + term.Length > _terms.Length)
        {
            Array.Resize(ref _terms, Math.Max(_terms.Length * 2, _termsLength + term.Length));
        }
        Span<char> destination = _terms.AsSpan(_termsLength, term.Length);
        if (fold)
        {
            CharFolding.Fold(term, destination);
        }
        else
        {
            term.CopyTo(destination);
        }
        _termsLength += term.Length;
    }

    private readonly record struct PendingToken(
        int TermStart, int TermLength, int StartOffset, int EndOffset, string Type, int PositionIncrement);
}
