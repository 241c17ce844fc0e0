using System.Buffers;
using Mdm.Engine.Records;

namespace Mdm.Connectors.Reading;

/// <summary>
/// Streams one file's rows through a <see cref="RowCursor"/> once: a row the cursor cannot read becomes a reject (with
/// its key when the values could still be read), every other row is handed to <see cref="Build"/>.
/// <para>
/// NUL characters and byte-order marks (U+FEFF) are never passed on: a BOM at the very start of a file is taken by the
/// reader, so one anywhere else is debris (two exports joined, a tool that wrote one per line), and NUL is not text. A NUL
/// in the key rejects the row (the key identifies the customer for ever, so it is not guessed at); otherwise both are
/// removed, and <see cref="Removed"/> tells the record source which values were cleaned, so it can say so.
/// </para>
/// </summary>
internal abstract class FileRowSource<TRow> : IDisposable
{
    private readonly RowCursor _cursor;
    private readonly string?[] _values;
    private readonly int _keySlot;
    private readonly bool[] _nulRemoved;
    private readonly bool[] _bomRemoved;
    private bool _anyRemoved;
    private bool _started;

    private static readonly SearchValues<char> StrayCharacters = SearchValues.Create("\0\uFEFF");

    protected FileRowSource(string system, RowCursor cursor, int slotCount, int keySlot)
    {
        System = system;
        _cursor = cursor;
        _values = new string?[slotCount];
        _nulRemoved = new bool[slotCount];
        _bomRemoved = new bool[slotCount];
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
            if (RemoveStrayCharacters(line) is { } nulInKey)
            {
                yield return Reject(nulInKey);
                continue;
            }
            yield return Build(_values, line);
        }
    }

    /// <summary>Whether NUL characters or stray BOMs were removed from the current row's value of <paramref name="slot"/>.</summary>
    protected bool Removed(int slot, out bool nul, out bool bom)
    {
        nul = _anyRemoved && _nulRemoved[slot];
        bom = _anyRemoved && _bomRemoved[slot];
        return nul || bom;
    }

    /// <summary>Whether anything was removed from the current row (see <see cref="Removed"/>).</summary>
    protected bool AnyRemoved => _anyRemoved;

    /// <summary>Removes NUL and U+FEFF from the values; a reject when the key has a NUL.</summary>
    private RejectedRow? RemoveStrayCharacters(long line)
    {
        _anyRemoved = false;
        for (var s = 0; s < _values.Length; s++)
        {
            var value = _values[s];
            if (value is null || value.AsSpan().IndexOfAny(StrayCharacters) < 0) continue; // the common case: one vectorized scan
            if (!_anyRemoved)
            {
                Array.Clear(_nulRemoved);
                Array.Clear(_bomRemoved);
                _anyRemoved = true;
            }
            _nulRemoved[s] = value.Contains('\0');
            _bomRemoved[s] = value.Contains('\uFEFF');
            if (s == _keySlot && _nulRemoved[s])
                return Rejected(line, _cursor.Slots[s].Column, "the key contains a NUL character (byte 0); a key must be plain text: fix the export", null);
            var cleaned = value.Replace("\0", "", StringComparison.Ordinal).Replace("\uFEFF", "", StringComparison.Ordinal).Trim();
            _values[s] = cleaned.Length == 0 ? null : cleaned;
        }
        return null;
    }

    /// <summary>The row from the values of the planned columns (a reject when they do not make one).</summary>
    protected abstract TRow Build(string?[] values, long line);

    protected abstract TRow Reject(RejectedRow rejected);

    protected RejectedRow Rejected(long line, string? field, string reason, string? key) =>
        new(System, line, field, reason, _cursor.RawText, key);

    public void Dispose() => _cursor.Dispose();
}
