using System.Text;

namespace Mdm.Connectors.Reading;

/// <summary>
/// Reads physical lines like <see cref="TextReader.ReadLine"/> (CR, LF and CR LF end a line), except that a line longer
/// than a limit is never held whole: it is read past in chunks, and only its first
/// <see cref="RowCursor.MaxRawTextLength"/> characters are kept, for the reject. So one 200 MB line costs the limit in
/// memory, not 200 MB (ReadLine would build the whole string, and more than twice that while it grows).
/// </summary>
internal sealed class BoundedLineReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly long _maxBytes;
    private readonly char[] _buffer = new char[1 << 14];
    private readonly StringBuilder _line = new();
    private int _position;
    private int _length;

    /// <param name="maxBytes">The longest line kept, in UTF-8 bytes (text in other encodings is counted as its UTF-8 form).</param>
    public BoundedLineReader(TextReader reader, long maxBytes)
    {
        _reader = reader;
        _maxBytes = maxBytes;
    }

    /// <summary>
    /// The next line, or false at the end of the input. When <paramref name="tooLong"/> is set, <paramref name="line"/> is
    /// only the line's start (at most <see cref="RowCursor.MaxRawTextLength"/> characters).
    /// </summary>
    public bool ReadLine(out string line, out bool tooLong)
    {
        _line.Clear();
        tooLong = false;
        long bytes = 0;
        var any = false;
        while (true)
        {
            if (_position == _length && !Fill())
            {
                line = _line.ToString();
                return any;
            }
            any = true;
            var chunk = _buffer.AsSpan(_position, _length - _position);
            var end = chunk.IndexOfAny('\r', '\n');
            var text = end < 0 ? chunk : chunk[..end];
            if (!tooLong)
            {
                bytes += Encoding.UTF8.GetByteCount(text);
                if (bytes > _maxBytes)
                {
                    tooLong = true;
                    if (_line.Length > RowCursor.MaxRawTextLength) _line.Length = RowCursor.MaxRawTextLength;
                    var room = RowCursor.MaxRawTextLength - _line.Length;
                    _line.Append(text[..Math.Min(room, text.Length)]);
                }
                else _line.Append(text);
            }
            _position += text.Length;
            if (end < 0) continue;

            var breakChar = _buffer[_position++];
            if (breakChar == '\r' && (_position < _length || Fill()) && _buffer[_position] == '\n') _position++;
            line = _line.ToString();
            return true;
        }
    }

    private bool Fill()
    {
        _position = 0;
        _length = _reader.Read(_buffer, 0, _buffer.Length);
        return _length > 0;
    }

    public void Dispose() => _reader.Dispose();
}
