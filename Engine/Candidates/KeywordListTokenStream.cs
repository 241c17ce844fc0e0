using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Mdm.Engine.Candidates;

/// <summary>
/// Emits a record's precomputed blocking keys as the tokens of one field. One field instance with several tokens costs
/// Lucene far less than one <c>StringField</c> instance per key (per-field inversion state dominated indexing time).
/// </summary>
internal sealed class KeywordListTokenStream : TokenStream
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private IReadOnlyList<string> _keys = [];
    private int _next;

    public KeywordListTokenStream()
    {
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public KeywordListTokenStream SetKeys(IReadOnlyList<string> keys)
    {
        _keys = keys;
        _next = 0;
        return this;
    }

    public override bool IncrementToken()
    {
        if (_next >= _keys.Count) return false;
        ClearAttributes();
        _term.SetEmpty().Append(_keys[_next++]);
        _position.PositionIncrement = 1;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }
}
