using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Mdm.Engine.Search.Analysis;

/// <summary>
/// Emits the short form of a division word at the same position (深圳市 → 深圳市, 深圳; 南山区 → 南山区, 南山): addresses and
/// callers write divisions either way. Only words of three or more characters lose their suffix, so 市 or 南区 stay whole.
/// </summary>
public sealed class DivisionShortFormFilter : TokenFilter
{
    private static readonly string[] Suffixes = ["自治区", "自治州", "自治县", "新区", "省", "市", "区", "县", "镇"];

    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private string? _pending;
    private State? _state;

    public DivisionShortFormFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pending is not null)
        {
            RestoreState(_state);
            _term.SetEmpty().Append(_pending);
            _position.PositionIncrement = 0;
            _pending = null;
            return true;
        }
        if (!m_input.IncrementToken()) return false;
        var word = _term.ToString();
        foreach (var suffix in Suffixes)
        {
            if (word.Length >= suffix.Length + 2 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                _pending = word[..^suffix.Length];
                _state = CaptureState();
                break;
            }
        }
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pending = null;
        _state = null;
    }
}
