using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace Mdm.Engine.Candidates.Analysis;

/// <summary>
/// After every Han word of at least <see cref="MinWordLength"/> chars (type <see cref="ChineseTokenizer.WordType"/>),
/// also emits its overlapping character bigrams at the same position (position increment 0), typed
/// <see cref="BigramType"/>: 长江大桥 → 长江大桥, 长江, 江大, 大桥.
/// </summary>
/// <remarks>
/// The segmenter is deterministic, but the same name is not always cut the same way: 南山区 is one word while
/// 南山 alone is another, and one typo turns a long word into short ones (科技园 vs 科技/圆). The bigrams of long
/// words give such variants shared terms. Two-char words already are bigrams, so only longer words expand.
/// Bigrams found in an optional exclusion set (normally the analyzer's stop words) are skipped, so 分公司 does not
/// bring back the stop word 公司.
/// </remarks>
public sealed class ChineseWordBigramFilter : TokenFilter
{
    /// <summary>Token type of the emitted bigrams (the same name Lucene's CJKBigramFilter uses).</summary>
    public const string BigramType = "<DOUBLE>";

    /// <summary>Words shorter than this are passed through without bigrams.</summary>
    public const int MinWordLength = 3;

    private readonly ICharTermAttribute _termAttribute;
    private readonly IOffsetAttribute _offsetAttribute;
    private readonly ITypeAttribute _typeAttribute;
    private readonly IPositionIncrementAttribute _positionIncrementAttribute;

    private readonly CharArraySet? _excludedBigrams;

    private char[] _word = new char[16];
    private int _wordLength;
    private int _wordStartOffset;
    private int _wordEndOffset;
    private bool _offsetsMatchTerm;
    private int _nextBigram = -1; // index in _word of the next bigram, -1 when none is pending

    /// <summary>Wraps <paramref name="input"/>; bigrams contained in <paramref name="excludedBigrams"/> are not emitted.</summary>
    public ChineseWordBigramFilter(TokenStream input, CharArraySet? excludedBigrams = null)
        : base(input)
    {
        _excludedBigrams = excludedBigrams;
        _termAttribute = AddAttribute<ICharTermAttribute>();
        _offsetAttribute = AddAttribute<IOffsetAttribute>();
        _typeAttribute = AddAttribute<ITypeAttribute>();
        _positionIncrementAttribute = AddAttribute<IPositionIncrementAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (_nextBigram >= 0)
        {
            EmitBigram();
            return true;
        }
        if (!m_input.IncrementToken())
        {
            return false;
        }
        int length = _termAttribute.Length;
        if (length >= MinWordLength && string.Equals(_typeAttribute.Type, ChineseTokenizer.WordType, StringComparison.Ordinal))
        {
            RememberWord(length);
        }
        return true;
    }

    private void RememberWord(int length)
    {
        char[] term = _termAttribute.Buffer;
        for (int i = 0; i < length; i++)
        {
            if (char.IsSurrogate(term[i]))
            {
                return; // a bigram must not split a surrogate pair; such words are too rare to be worth it
            }
        }
        if (_word.Length < length)
        {
            _word = new char[Math.Max(length, _word.Length * 2)];
        }
        Array.Copy(term, _word, length);
        _wordLength = length;
        _wordStartOffset = _offsetAttribute.StartOffset;
        _wordEndOffset = _offsetAttribute.EndOffset;
        // A char filter may have changed offsets; then each bigram gets the whole word's offsets.
        _offsetsMatchTerm = _wordEndOffset - _wordStartOffset == length;
        _nextBigram = NextBigramFrom(0);
    }

    /// <summary>The first bigram index at or after <paramref name="i"/> that is not excluded, or -1.</summary>
    private int NextBigramFrom(int i)
    {
        for (; i + 2 <= _wordLength; i++)
        {
            if (_excludedBigrams is null || !_excludedBigrams.Contains(_word, i, 2))
            {
                return i;
            }
        }
        return -1;
    }

    private void EmitBigram()
    {
        int i = _nextBigram;
        ClearAttributes();
        _termAttribute.CopyBuffer(_word, i, 2);
        _positionIncrementAttribute.PositionIncrement = 0;
        _typeAttribute.Type = BigramType;
        if (_offsetsMatchTerm)
        {
            _offsetAttribute.SetOffset(_wordStartOffset + i, _wordStartOffset + i + 2);
        }
        else
        {
            _offsetAttribute.SetOffset(_wordStartOffset, _wordEndOffset);
        }
        _nextBigram = NextBigramFrom(i + 1);
    }

    /// <inheritdoc/>
    public override void Reset()
    {
        base.Reset();
        _nextBigram = -1;
        _wordLength = 0;
    }
}
