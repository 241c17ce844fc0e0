using System.Globalization;
using System.Text;
using CsvHelper;
using Mdm.Connectors.Configuration;

namespace Mdm.Connectors.Reading;

/// <summary>
/// Reads CSV/TSV with CsvHelper (RFC 4180 quoting, fields may contain separators and line breaks), in any encoding
/// .NET decodes. UTF-8 files go to CsvHelper as bytes (its fast path) and rows with invalid UTF-8 are rejected; other
/// encodings are decoded by a StreamReader whose decoder turns bad bytes into U+FFFD, and rows with U+FFFD are
/// rejected. Either way the reject names the column.
/// <para>
/// Broken quoting. CsvHelper recovers from quoting errors inside one line (a stray quote inside an unquoted field is
/// text: <c>O"Brien</c> stays as is; text after a closing quote, <c>"ab"c</c>, makes the row a reject). A quote that
/// opens a field and is never closed on its line makes CsvHelper read the following lines as part of that field, up to
/// the next quote or to the end of the file. When such a multi-line row is malformed (text after its closing quote, no
/// closing quote at all, longer than the row limit) or has a field count different from the header, only
/// its first physical line is rejected, and reading starts again, with a fresh parser, at the next physical line: the
/// good rows after a broken quote still load. A well-formed quoted field with line breaks and the right field count is
/// a normal row. After <see cref="MaxRestarts"/> such recoveries in one file, line breaks inside quotes are no longer
/// allowed (every line ends a row), so a badly broken file cannot make reading quadratic.
/// </para>
/// <para>
/// Long rows. A row over the source's "max_row_bytes" (counted in UTF-8) is rejected: CsvHelper stops growing its buffer
/// at the limit, and the line is then read past in 64 KiB chunks (bytes) or character by character (decoded text), so a
/// 200 MB line costs no more memory than the limit. A single line over the limit is "longer than the limit"; only a row
/// that got there by running over several lines from an open quote mentions the quote.
/// </para>
/// <para>
/// Blank and whitespace-only lines are skipped and are not rows. Line numbers are physical lines (the header is line 1),
/// counting the lines inside quoted fields and the skipped blank lines.
/// </para>
/// </summary>
internal sealed class DelimitedRowCursor : RowCursor
{
    /// <summary>Broken-quote recoveries after which line breaks in quoted fields are no longer allowed.</summary>
    internal const int MaxRestarts = 100;

    private static readonly byte[] ReplacementUtf8 = Encoding.UTF8.GetBytes(TextEncodings.ReplacementChar.ToString());

    private readonly char _delimiter;
    private readonly bool _utf8Bytes;
    private readonly bool _quoting;
    private readonly int[] _slotColumns;
    private readonly string[] _columnNames;
    private readonly int _maxRowBytes;
    private CsvReader? _csv;
    private long _lineOffset;
    private int _expectedFieldCount;
    private int _restarts;
    private bool _firstAfterRestart;
    private long _malformedLine = -1;
    private CsvMalformedReason _malformedReason;
    private string? _rawTextOverride;

    public DelimitedRowCursor(CursorContext context, IReadOnlyList<ColumnSlot> slots, char delimiter, bool hasHeader, bool quoting,
        int maxRowBytes)
        : base(context, slots)
    {
        _maxRowBytes = maxRowBytes;
        _delimiter = delimiter;
        _quoting = quoting;
        _utf8Bytes = context.Encoding.CodePage == Encoding.UTF8.CodePage && !StartsWithUtf16Or32Bom(context.FilePath);
        _csv = _utf8Bytes
            ? CreateReader(OpenStream(), hasHeader, allowLineBreaksInQuotes: true)
            : CreateReader(OpenText(), hasHeader, allowLineBreaksInQuotes: true);
        try
        {
            if (hasHeader)
            {
                IReadOnlyList<string> header;
                try
                {
                    header = _csv.Headers;
                }
                catch (CsvFormatException)
                {
                    throw ConfigurationError($"the header of {context.FilePath} is longer than \"max_row_bytes\" ({maxRowBytes} bytes): is it the right file?");
                }
                if (header.Count == 0)
                    throw ConfigurationError($"{context.FilePath} is empty: it has no header row");
                _columnNames = new string[header.Count];
                for (var i = 0; i < header.Count; i++)
                    _columnNames[i] = header[i].Trim().Trim('\uFEFF').Trim(); // real exports: " surname", a BOM
                _expectedFieldCount = header.Count;
            }
            else
            {
                _columnNames = [];
                _expectedFieldCount = -1; // the first row decides
            }
            _slotColumns = new int[slots.Count];
            for (var s = 0; s < slots.Count; s++)
                _slotColumns[s] = ResolveColumn(slots[s], hasHeader);
        }
        catch
        {
            _csv.Dispose();
            throw;
        }
    }

    public override string RawText =>
        _rawTextOverride ?? (_csv is null ? "" : DecodeRaw(_csv.RawRecord));

    public override bool MoveNext()
    {
        ProblemReason = null;
        ProblemField = null;
        _rawTextOverride = null;
        while (_csv is not null)
        {
            bool read;
            try
            {
                read = _csv.Read();
            }
            catch (CsvFormatException ex) when (ex.LineNumber > 0)
            {
                // Quoting errors are recovered and field counts allowed, so only a record over MaxRecordSize throws: one
                // long line, or a quoted field that runs on over the next lines. Reject its first line and go on after it.
                var lineBytes = RestartAfterBrokenLine(_lineOffset + ex.LineNumber, "");
                ProblemReason = lineBytes > _maxRowBytes
                    ? TooLongReason()
                    : $"unbalanced quote or too long a row: a quoted field opened on this line runs on over the following lines past {LimitText()}";
                return true;
            }
            if (!read)
            {
                _csv.Dispose();
                _csv = null;
                return false;
            }

            var raw = _csv.RawRecord;
            var fieldCount = _csv.FieldCount;
            if (fieldCount <= 1 && IsBlank(raw)) continue;

            var line = _lineOffset + _csv.LineNumber;
            if (raw.Length > _maxRowBytes)
            {
                // Over the limit but already in CsvHelper's buffer (it only checks when it needs more input): the same reject.
                _malformedLine = -1;
                _firstAfterRestart = false;
                Line = line;
                CanReadValues = false;
                ProblemReason = TooLongReason();
                return true;
            }
            CsvMalformedReason? malformed = _malformedLine == _csv.LineNumber ? _malformedReason : null;
            _malformedLine = -1;
            var firstAfterRestart = _firstAfterRestart;
            _firstAfterRestart = false;
            if (_expectedFieldCount < 0) _expectedFieldCount = fieldCount;
            var countMismatch = fieldCount != _expectedFieldCount;
            var badQuoting = malformed is CsvMalformedReason.TextAfterClosingQuote or CsvMalformedReason.UnterminatedQuote
                or CsvMalformedReason.LineBreakInQuotes;

            if ((badQuoting || countMismatch) && raw.IndexOfAny((byte)'\n', (byte)'\r') >= 0)
            {
                var what = malformed switch
                {
                    CsvMalformedReason.UnterminatedQuote => "its quote is never closed",
                    CsvMalformedReason.TextAfterClosingQuote => "a quote closes in the middle of a field",
                    _ => $"it would have {fieldCount} fields, the header has {_expectedFieldCount}",
                };
                RestartAfterBrokenLine(line, $"unbalanced quote: the row starting on this line runs over {CountLines(raw)} lines and {what}");
                return true;
            }

            Line = line;
            CanReadValues = true;
            if (badQuoting)
            {
                ProblemReason = malformed switch
                {
                    CsvMalformedReason.UnterminatedQuote => "unbalanced quote: a quoted field is not closed before the end of the file",
                    CsvMalformedReason.LineBreakInQuotes =>
                        $"unbalanced quote: a quoted field is not closed on its line (after {MaxRestarts} broken quotes in this file, quoted fields may no longer span lines)",
                    _ => "malformed quoting: text after the closing quote of a field",
                };
            }
            else if (firstAfterRestart && malformed == CsvMalformedReason.StrayQuote)
            {
                // The line after a rejected broken line, with a lone quote: most likely the end of that line's quoted field.
                ProblemReason = "stray quote on the line after an unbalanced quote: probably the rest of that quoted field";
            }
            else if (countMismatch)
            {
                ProblemReason = $"row has {fieldCount} fields but the header has {_expectedFieldCount}";
            }
            else if (!IsDecodable(raw))
            {
                ProblemField = FindUndecodableColumn(fieldCount);
                ProblemReason = UndecodableReason(ProblemField);
            }
            return true;
        }
        return false;
    }

    public override bool ReadValues(string?[] values)
    {
        var csv = _csv!;
        var fieldCount = csv.FieldCount;
        for (var s = 0; s < _slotColumns.Length; s++)
        {
            var column = _slotColumns[s];
            values[s] = column < fieldCount ? ReadValue(csv, column) : null;
        }
        return true;
    }

    public override void Dispose()
    {
        _csv?.Dispose();
        _csv = null;
    }

    private static string? ReadValue(CsvReader csv, int column)
    {
        var span = csv.GetSpan(column);
        span = span[Ascii.Trim(span)];
        return span.IsEmpty ? null : TrimToNull(Encoding.UTF8.GetString(span));
    }

    private string LimitText() => string.Create(CultureInfo.InvariantCulture, $"the limit of {_maxRowBytes:N0} bytes (\"max_row_bytes\")");

    private string TooLongReason() => $"row longer than {LimitText()}: skipped without reading it";

    private FileStream OpenStream() =>
        new(Context.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    private StreamReader OpenText() =>
        new(OpenStream(), Context.Encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);

    private static bool StartsWithUtf16Or32Bom(string path)
    {
        Span<byte> start = stackalloc byte[2];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(start, 2, throwOnEndOfStream: false) == 2 &&
               (start[0] == 0xFF && start[1] == 0xFE || start[0] == 0xFE && start[1] == 0xFF);
    }

    private CsvReader CreateReader(Stream utf8, bool hasHeader, bool allowLineBreaksInQuotes) =>
        CsvReader.Create(utf8, Options(hasHeader, allowLineBreaksInQuotes), leaveOpen: false);

    private CsvReader CreateReader(TextReader text, bool hasHeader, bool allowLineBreaksInQuotes) =>
        CsvReader.Create(text, Options(hasHeader, allowLineBreaksInQuotes), leaveOpen: false);

    private CsvReaderOptions Options(bool hasHeader, bool allowLineBreaksInQuotes)
    {
        return new CsvReaderOptions
        {
            Separator = _delimiter,
            HasHeader = hasHeader,
            Mode = _quoting ? CsvMode.Rfc4180 : CsvMode.NoEscape,
            AllowLineBreaksInQuotes = allowLineBreaksInQuotes,
            SkipEmptyLines = true,
            // Outside quotes only; lets `a, "b, c"` (space after the separator) quote as intended. Not tab in TSV.
            TrimWhitespace = true,
            WhitespaceCharacters = _delimiter == '\t' ? " " : " \t",
            TrackLineNumbers = true,
            MaxRecordSize = _maxRowBytes,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            DetectSeparatorHint = false,
            FormatProvider = CultureInfo.InvariantCulture,
            OnMalformedRecord = OnMalformedRecord,
        };
    }

    private void OnMalformedRecord(CsvMalformedRecord record)
    {
        // Reported while Read() moves onto the record, before it returns it.
        _malformedLine = record.LineNumber;
        _malformedReason = record.Reason;
    }

    /// <summary>
    /// Rejects physical line <paramref name="line"/> and starts a new parser at the line after it, so the text a broken
    /// quote swallowed is read again as rows. The file is reopened and lines are skipped (rare, so simplicity wins).
    /// Returns the length of the rejected line in UTF-8 bytes.
    /// </summary>
    private long RestartAfterBrokenLine(long line, string reason)
    {
        _csv?.Dispose();
        _csv = null;
        _restarts++;
        _malformedLine = -1;

        FileStream? stream = null;
        StreamReader? text = null;
        var (brokenLine, lineBytes) = _utf8Bytes ? SkipToLineAfterBytes(line, out stream) : SkipToLineAfterText(line, out text);

        Line = line;
        ProblemReason = reason;
        ProblemField = null;
        CanReadValues = false;
        _rawTextOverride = Truncate(brokenLine);
        _lineOffset = line;
        _firstAfterRestart = true;
        var allowLineBreaksInQuotes = _restarts < MaxRestarts;
        _csv = _utf8Bytes
            ? CreateReader(stream!, hasHeader: false, allowLineBreaksInQuotes)
            : CreateReader(text!, hasHeader: false, allowLineBreaksInQuotes);
        return lineBytes;
    }

    /// <summary>
    /// Opens the decoded file after physical line <paramref name="line"/>; returns the start of that line's text and its
    /// length in UTF-8 bytes. Read character by character, never a whole line: the line may be hundreds of megabytes.
    /// </summary>
    private (string Text, long Utf8Bytes) SkipToLineAfterText(long line, out StreamReader text)
    {
        text = OpenText();
        try
        {
            for (long i = 1; i < line; i++)
                if (SkipLine(text, null) < 0) return ("", 0);
            var kept = new StringBuilder();
            var bytes = SkipLine(text, kept);
            return (kept.ToString(), Math.Max(bytes, 0));
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads past the next line break (CR, LF or CR LF: StreamReader and CsvHelper count each as one), keeping at most
    /// <see cref="RowCursor.MaxRawTextLength"/> characters in <paramref name="kept"/>. Returns the line's length in UTF-8
    /// bytes, or -1 at the end of the file.
    /// </summary>
    private static long SkipLine(StreamReader text, StringBuilder? kept)
    {
        long bytes = 0;
        var any = false;
        int c;
        while ((c = text.Read()) >= 0)
        {
            any = true;
            if (c == '\n') return bytes;
            if (c == '\r')
            {
                if (text.Peek() == '\n') text.Read();
                return bytes;
            }
            bytes += c < 0x80 ? 1 : c < 0x800 || char.IsSurrogate((char)c) ? 2 : 3; // a surrogate pair is 4
            if (kept is not null && kept.Length < MaxRawTextLength) kept.Append((char)c);
        }
        return any ? bytes : -1;
    }

    /// <summary>
    /// Opens the UTF-8 file at the start of the line after physical line <paramref name="line"/>; returns the start of that
    /// line's text and its length in bytes.
    /// </summary>
    private (string Text, long Utf8Bytes) SkipToLineAfterBytes(long line, out FileStream stream)
    {
        stream = OpenStream();
        try
        {
            var start = SkipLineBreaks(stream, line - 1);
            stream.Position = start;
            var next = SkipLineBreaks(stream, 1);
            stream.Position = start;
            var bytes = new byte[(int)Math.Min(next - start, MaxRawTextLength * 3)];
            stream.ReadExactly(bytes);
            stream.Position = next;
            var text = Encoding.UTF8.GetString(bytes);
            var length = next - start;
            if (bytes.Length == length) length -= text.Length - text.TrimEnd('\r', '\n').Length; // the line break is not the row
            return (Truncate(text.TrimEnd('\r', '\n')), length);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The position after <paramref name="count"/> line breaks (CR, LF or CR LF, as CsvHelper counts them) from the
    /// current position, or the end of the file. UTF-8 never has CR or LF bytes inside a multi-byte character.
    /// </summary>
    private static long SkipLineBreaks(Stream stream, long count)
    {
        var position = stream.Position;
        if (count <= 0) return position;
        var buffer = new byte[1 << 16];
        long breaks = 0;
        var afterCarriageReturn = false;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            for (var i = 0; i < read; i++, position++)
            {
                var b = buffer[i];
                if (afterCarriageReturn)
                {
                    afterCarriageReturn = false;
                    if (b == (byte)'\n')
                    {
                        if (breaks == count) return position + 1;
                        continue;
                    }
                    if (breaks == count) return position;
                }
                if (b == (byte)'\n')
                {
                    if (++breaks == count) return position + 1;
                }
                else if (b == (byte)'\r')
                {
                    breaks++;
                    afterCarriageReturn = true;
                }
            }
        }
        return position;
    }

    private int ResolveColumn(ColumnSlot slot, bool hasHeader)
    {
        if (!hasHeader)
            return int.Parse(slot.Column, NumberStyles.None, CultureInfo.InvariantCulture) - 1; // validated when the sources file was read

        for (var i = 0; i < _columnNames.Length; i++)
            if (string.Equals(_columnNames[i], slot.Column, StringComparison.Ordinal)) return i;
        for (var i = 0; i < _columnNames.Length; i++)
            if (string.Equals(_columnNames[i], slot.Column, StringComparison.OrdinalIgnoreCase)) return i;

        const int listed = 60;
        var header = string.Join(", ", _columnNames.Take(listed).Select(n => $"'{n}'"));
        if (_columnNames.Length > listed) header += $", ... ({_columnNames.Length} columns)";
        var hint = "";
        foreach (var name in _columnNames)
        {
            if (name.Contains(TextEncodings.ReplacementChar))
            {
                hint = $" (the header has undecodable bytes for encoding {Context.EncodingName}: is \"encoding\" right?)";
                break;
            }
        }
        if (hint.Length == 0 && _columnNames.Length == 1 && _columnNames[0].Length > 0 &&
            _columnNames[0].AsSpan().IndexOfAny(",;\t|") >= 0)
            hint = $" (the header has one column only: is the delimiter '{(_delimiter == '\t' ? "\\t" : _delimiter)}' right?)";
        return ThrowMissing(slot, header, hint);
    }

    private int ThrowMissing(ColumnSlot slot, string header, string hint) =>
        throw ConfigurationError($"column '{slot.Column}' ({slot.Role}) is not in the header of {Context.FilePath}; the header has: {header}{hint}");

    private SourcesFileException ConfigurationError(string problem) =>
        new(Context.SourcesFilePath, Context.Subject, Context.System, problem);

    private string FindUndecodableColumn(int fieldCount)
    {
        var csv = _csv!;
        for (var i = 0; i < fieldCount; i++)
        {
            if (IsDecodable(csv.GetRawSpan(i))) continue;
            return i < _columnNames.Length ? _columnNames[i] : (i + 1).ToString(CultureInfo.InvariantCulture);
        }
        return "?";
    }

    /// <summary>
    /// UTF-8 files are parsed as bytes, so bad bytes are still there: invalid UTF-8. Other encodings were decoded with
    /// U+FFFD for bad bytes. A U+FFFD in the file itself is the trace of an earlier bad conversion: rejected too.
    /// </summary>
    private static bool IsDecodable(ReadOnlySpan<byte> utf8) =>
        System.Text.Unicode.Utf8.IsValid(utf8) && utf8.IndexOf(ReplacementUtf8) < 0;

    private static bool IsBlank(ReadOnlySpan<byte> raw) => raw[Ascii.Trim(raw)].IsEmpty;

    private static int CountLines(ReadOnlySpan<byte> raw)
    {
        var lines = 1;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == (byte)'\n') lines++;
            else if (raw[i] == (byte)'\r' && (i + 1 == raw.Length || raw[i + 1] != (byte)'\n')) lines++;
        }
        // A record that ran to the end of the file includes the file's last line break.
        if (raw.Length > 0 && raw[^1] is (byte)'\n' or (byte)'\r') lines--;
        return lines;
    }

    private static string DecodeRaw(ReadOnlySpan<byte> raw)
    {
        // 3 bytes per UTF-16 char at most (4 per surrogate pair), so this many bytes always give enough characters.
        const int maxBytes = MaxRawTextLength * 3;
        var text = Encoding.UTF8.GetString(raw.Length > maxBytes ? raw[..maxBytes] : raw);
        return Truncate(text.TrimEnd('\r', '\n'));
    }
}
