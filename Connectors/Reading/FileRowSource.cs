using Mdm.Engine.Records;

namespace Mdm.Connectors.Reading;

/// <summary>
/// Streams one file's rows through a <see cref="RowCursor"/> once: a row the cursor cannot read becomes a reject (with
/// its key when the values could still be read), every other row is handed to <see cref="Build"/>.
/// </summary>
internal abstract class FileRowSource<TRow> : IDisposable
{
    private readonly RowCursor _cursor;
    private readonly string?[] _values;
    private readonly int _keySlot;
    private bool _started;

    protected FileRowSource(string system, RowCursor cursor, int slotCount, int keySlot)
    {
        System = system;
        _cursor = cursor;
        _values = new string?[slotCount];
        _keySlot = keySlot;
    }

    public string System { get; }

    /// <param name="what">What the rows are, for the error on a second read ("the records of source 'crm'").</param>
    protected IEnumerable<TRow> ReadRows(string what, CancellationToken cancellationToken)
    {
        if (_started) throw new InvalidOperationException($"{what} have already been read; open it again to re-read");
        _started = true;
        return Rows(cancellationToken);
    }

    private IEnumerable<TRow> Rows(CancellationToken cancellationToken)
    {
        while (_cursor.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = _cursor.Line;
            if (_cursor.ProblemReason is { } problem)
            {
                var field = _cursor.ProblemField;
                string? key = null;
                if (_cursor.CanReadValues && _cursor.ReadValues(_values)) key = _values[_keySlot]; // for the reject only
                yield return Reject(Rejected(line, field, problem, key));
                continue;
            }
            if (!_cursor.ReadValues(_values))
            {
                yield return Reject(Rejected(line, _cursor.ProblemField, _cursor.ProblemReason!, null));
                continue;
            }
            yield return Build(_values, line);
        }
    }

    /// <summary>The row from the values of the planned columns (a reject when they do not make one).</summary>
    protected abstract TRow Build(string?[] values, long line);

    protected abstract TRow Reject(RejectedRow rejected);

    protected RejectedRow Rejected(long line, string? field, string reason, string? key) =>
        new(System, line, field, reason, _cursor.RawText, key);

    public void Dispose() => _cursor.Dispose();
}
