using System.Text;

namespace Mdm.Benchmarks.Generator;

internal enum RowFormat
{
    Csv,
    JsonLines,
}

/// <summary>Kinds of deliberately bad rows a "dirty" dataset contains; each must end up as a reject, never a record.</summary>
internal enum BadRowKind
{
    BrokenQuote,
    MissingKey,
    DuplicateKey,
    UndecodableBytes,
    MalformedJson,
}

/// <summary>Writes rejects_expected.csv: system, 1-based line (header is line 1 in CSV files), reason.</summary>
internal sealed class RejectLog : IDisposable
{
    private readonly StreamWriter _writer;

    public RejectLog(string path)
    {
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        _writer.WriteLine("system,line,reason");
    }

    public int Count { get; private set; }

    public void Add(string system, long line, BadRowKind kind)
    {
        Count++;
        _writer.Write(system);
        _writer.Write(',');
        _writer.Write(line.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _writer.Write(',');
        _writer.WriteLine(Reason(kind));
    }

    public static string Reason(BadRowKind kind) => kind switch
    {
        BadRowKind.BrokenQuote => "broken quote",
        BadRowKind.MissingKey => "missing key",
        BadRowKind.DuplicateKey => "duplicate key",
        BadRowKind.UndecodableBytes => "undecodable bytes",
        BadRowKind.MalformedJson => "malformed json",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public void Dispose() => _writer.Dispose();
}

/// <summary>How (and how often) to inject bad rows into one system's file.</summary>
internal sealed record BadRowPlan(Random? Random, double Rate, BadRowKind[] Kinds, RejectLog Log);

/// <summary>
/// One source system's output file. Rows pass through a bounded shuffle window so that the records of one entity
/// (intra-system duplicates) are not adjacent, without holding the file in memory. Bad rows are injected at write
/// time from their own random stream, so a dirty dataset has exactly the clean dataset's valid rows.
/// </summary>
internal sealed class SystemSink : IDisposable
{
    private const int ShuffleWindow = 1024;
    private const char ByteSentinel = '\uFFFF';
    private static readonly byte[] UndecodableBytes = [0xFF, 0x80]; // 0xFF and 0x80 are never valid GB18030 lead bytes

    private readonly Stream _stream;
    private readonly StreamWriter _writer;
    private readonly RowFormat _format;
    private readonly int _nameField;
    private readonly BadRowPlan _bad;
    private readonly (string Key, string?[] Fields)[] _window = new (string, string?[])[ShuffleWindow];
    private readonly StringBuilder _line = new(512);
    private int _windowCount;
    private long _linesWritten;
    private string? _lastKey;

    /// <param name="nameField">Index in the row's fields of the name column (where broken quotes and bad bytes go).</param>
    public SystemSink(string system, string path, Encoding encoding, string newLine, string? header, RowFormat format,
        int nameField, KeySequence keys, BadRowPlan bad)
    {
        System = system;
        Keys = keys;
        _format = format;
        _nameField = nameField;
        _bad = bad;
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        _writer = new StreamWriter(_stream, encoding, 1 << 16) { NewLine = newLine };
        if (header is not null)
        {
            _writer.WriteLine(header);
            _linesWritten = 1;
        }
    }

    public string System { get; }

    public KeySequence Keys { get; }

    /// <summary>Valid records written (or waiting in the shuffle window).</summary>
    public long Records { get; private set; }

    /// <summary>
    /// Queues a valid row. CSV: the fields after the key, in header order (null = empty).
    /// JSON lines: a single element, the object's members after "id" (e.g. "\"name\":\"Zhang Wei\"").
    /// </summary>
    public void Add(Random random, string key, string?[] fields)
    {
        Records++;
        if (_windowCount < ShuffleWindow)
        {
            _window[_windowCount++] = (key, fields);
            return;
        }
        var i = random.Next(ShuffleWindow);
        Write(_window[i].Key, _window[i].Fields);
        _window[i] = (key, fields);
    }

    /// <summary>Writes what is left in the shuffle window, in random order, and flushes.</summary>
    public void Complete(Random random)
    {
        while (_windowCount > 0)
        {
            var i = random.Next(_windowCount);
            Write(_window[i].Key, _window[i].Fields);
            _window[i] = _window[--_windowCount];
        }
        _writer.Flush();
    }

    private void Write(string key, string?[] fields)
    {
        if (_bad.Random is { } badRandom && badRandom.NextDouble() < _bad.Rate) WriteBadRow(badRandom, fields);
        _line.Clear();
        AppendRow(key, fields, brokenQuote: false, sentinel: false);
        _writer.WriteLine(_line);
        _linesWritten++;
        _lastKey = key;
    }

    /// <summary>A bad row derived from the next valid row's content; it is logged as an expected reject.</summary>
    private void WriteBadRow(Random badRandom, string?[] fields)
    {
        var kind = _bad.Kinds[badRandom.Next(_bad.Kinds.Length)];
        if (kind == BadRowKind.DuplicateKey && _lastKey is null) kind = BadRowKind.MissingKey;
        _line.Clear();
        switch (kind)
        {
            case BadRowKind.MissingKey:
                AppendRow(_format == RowFormat.Csv ? "" : null, fields, false, false);
                break;
            case BadRowKind.DuplicateKey:
                AppendRow(_lastKey, fields, false, false);
                break;
            case BadRowKind.BrokenQuote:
                AppendRow(Keys.NextForBadRow(), fields, brokenQuote: true, sentinel: false);
                break;
            case BadRowKind.MalformedJson:
                AppendRow(Keys.NextForBadRow(), fields, false, false);
                _line.Length = Math.Max(8, _line.Length / 2); // an unterminated object is never valid JSON
                break;
            case BadRowKind.UndecodableBytes:
                AppendRow(Keys.NextForBadRow(), fields, false, sentinel: true);
                break;
        }
        _linesWritten++;
        _bad.Log.Add(System, _linesWritten, kind);
        if (kind != BadRowKind.UndecodableBytes)
        {
            _writer.WriteLine(_line);
            return;
        }
        var text = _line.ToString();
        var at = text.IndexOf(ByteSentinel);
        _writer.Write(text.AsSpan(0, at));
        _writer.Flush();
        _stream.Write(UndecodableBytes);
        _writer.WriteLine(text.AsSpan(at + 1));
    }

    private void AppendRow(string? key, string?[] fields, bool brokenQuote, bool sentinel)
    {
        if (_format == RowFormat.JsonLines)
        {
            _line.Append('{');
            if (key is not null)
            {
                _line.Append("\"id\":");
                JsonText.AppendString(_line, key);
                if (fields[0]!.Length > 0) _line.Append(',');
            }
            _line.Append(fields[0]).Append('}');
            return;
        }
        CsvText.AppendField(_line, key);
        for (var i = 0; i < fields.Length; i++)
        {
            _line.Append(',');
            if (i != _nameField)
            {
                CsvText.AppendField(_line, fields[i]);
                continue;
            }
            var name = fields[i] ?? "";
            if (brokenQuote)
            {
                // A quoted field with text after the closing quote: "张伟"（VIP）. Quotes stay balanced on the line,
                // so a reader can reject just this row.
                _line.Append('"').Append(name.Replace("\"", "", StringComparison.Ordinal)).Append("\"（VIP）");
            }
            else if (sentinel)
            {
                var cut = Math.Min(1, name.Length);
                CsvText.AppendField(_line, string.Concat(name.AsSpan(0, cut), ByteSentinel.ToString(), name.AsSpan(cut)));
            }
            else CsvText.AppendField(_line, name);
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }
}

/// <summary>RFC 4180 field quoting.</summary>
internal static class CsvText
{
    public static void AppendField(StringBuilder sb, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            sb.Append(value);
            return;
        }
        sb.Append('"');
        foreach (var c in value)
        {
            if (c == '"') sb.Append('"');
            sb.Append(c);
        }
        sb.Append('"');
    }
}

/// <summary>Minimal JSON string writer (UTF-8 output keeps non-ASCII characters as they are).</summary>
internal static class JsonText
{
    public static void AppendString(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case < ' ': sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }
        sb.Append('"');
    }
}
