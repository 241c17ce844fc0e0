using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Mdm.Engine.Candidates.Analysis;

/// <summary>
/// Tokenizer that segments Chinese text with <see cref="ChineseSegmenter"/>: dictionary words typed
/// <see cref="WordType"/>, letter runs <see cref="AlphanumType"/> (lower-cased, half-width) and digit runs
/// <see cref="NumType"/> (ASCII). Meant for short fields (addresses, company names): the whole input is read
/// and segmented on the first <see cref="IncrementToken"/> after <see cref="Reset"/>.
/// </summary>
/// <remarks>
/// The read buffer and token list live as long as the tokenizer, so a reused instance (Lucene's per-thread reuse
/// strategy) allocates nothing per document once its buffers have grown to the field size.
/// </remarks>
public sealed class ChineseTokenizer : Tokenizer
{
    /// <summary>Token type of a dictionary word or single Han character.</summary>
    public const string WordType = "<WORD>";

    /// <summary>Token type of a run of letters.</summary>
    public const string AlphanumType = "<ALPHANUM>";

    /// <summary>Token type of a run of digits.</summary>
    public const string NumType = "<NUM>";

    private const int RetainedBufferLimit = 1 << 16;

    private readonly ChineseSegmenter _segmenter;
    private readonly ICharTermAttribute _termAttribute;
    private readonly IOffsetAttribute _offsetAttribute;
    private readonly ITypeAttribute _typeAttribute;
    private readonly List<ChineseToken> _tokens = new(32);
    private char[] _text = new char[256];
    private int _textLength;
    private int _next;
    private bool _segmented;
    private int _finalOffset;

    /// <summary>Creates a tokenizer over <paramref name="input"/> using <see cref="ChineseSegmenter.Default"/>.</summary>
    public ChineseTokenizer(TextReader input)
        : this(ChineseSegmenter.Default, input)
    {
    }

    /// <summary>Creates a tokenizer over <paramref name="input"/> using <paramref name="segmenter"/>.</summary>
    public ChineseTokenizer(ChineseSegmenter segmenter, TextReader input)
        : this(AttributeFactory.DEFAULT_ATTRIBUTE_FACTORY, segmenter, input)
    {
    }

    /// <summary>Creates a tokenizer with a custom attribute factory.</summary>
    public ChineseTokenizer(AttributeFactory factory, ChineseSegmenter segmenter, TextReader input)
        : base(factory, input)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        _segmenter = segmenter;
        _termAttribute = AddAttribute<ICharTermAttribute>();
        _offsetAttribute = AddAttribute<IOffsetAttribute>();
        _typeAttribute = AddAttribute<ITypeAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        ClearAttributes();
        if (!_segmented)
        {
            _textLength = CharFolding.ReadAll(m_input, ref _text);
            _segmenter.Segment(_text.AsSpan(0, _textLength), _tokens);
            _finalOffset = CorrectOffset(_textLength);
            _segmented = true;
        }
        if (_next >= _tokens.Count)
        {
            return false;
        }
        ChineseToken token = _tokens[_next++];
        char[] buffer = _termAttribute.ResizeBuffer(token.Length);
        token.CopyTermTo(_text.AsSpan(0, _textLength), buffer);
        _termAttribute.Length = token.Length;
        _offsetAttribute.SetOffset(CorrectOffset(token.Start), CorrectOffset(token.End));
        _typeAttribute.Type = token.Kind switch
        {
            ChineseTokenKind.Word => WordType,
            ChineseTokenKind.Num => NumType,
            _ => AlphanumType,
        };
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
        _textLength = 0;
        _next = 0;
        _finalOffset = 0;
        _segmented = false;
        if (_text.Length > RetainedBufferLimit)
        {
            _text = new char[256]; // one huge document should not pin a huge buffer for the thread's lifetime
        }
    }
}
