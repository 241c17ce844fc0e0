using System.Text;
using System.Text.Json;

namespace Mdm.Connectors.Reading;

/// <summary>
/// Reads JSON lines: one JSON object per physical line (blank lines skipped, not rows). Values may be strings, numbers
/// (kept as written), booleans ("true"/"false"), null (absent) or arrays of those (joined; "; " for phone). A column
/// is a property name (exact, else ignoring case) or a dotted path into nested objects ("address.city"). A line that is
/// not valid JSON, not an object, has undecodable bytes or maps an object value is a reject; so is a line longer than
/// "max_row_bytes", which is read past without being held (see <see cref="BoundedLineReader"/>). A file whose first line
/// opens a JSON array is one JSON document, not JSON lines: each of its lines is rejected saying so.
/// </summary>
internal sealed class JsonLinesRowCursor : RowCursor
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    private readonly string[]?[] _paths;
    private readonly BoundedLineReader _reader;
    private readonly int _maxRowBytes;
    private long _lineNumber;
    private bool _firstLineSeen;
    private bool _jsonArray;
    private string _line = "";
    private JsonDocument? _document;

    /// <param name="text">Reads from this instead of the context's file (a single record given on the command line or over HTTP).</param>
    public JsonLinesRowCursor(CursorContext context, IReadOnlyList<ColumnSlot> slots, int maxRowBytes, TextReader? text = null)
        : base(context, slots)
    {
        _maxRowBytes = maxRowBytes;
        _paths = new string[]?[slots.Count];
        for (var s = 0; s < slots.Count; s++)
        {
            var column = slots[s].Column;
            _paths[s] = column.Contains('.') ? column.Split('.') : null;
        }
        if (text is null)
        {
            var stream = new FileStream(context.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            text = new StreamReader(stream, context.Encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        }
        _reader = new BoundedLineReader(text, maxRowBytes);
    }

    public override string RawText => Truncate(_line);

    public override bool MoveNext()
    {
        _document?.Dispose();
        _document = null;
        ProblemReason = null;
        ProblemField = null;
        CanReadValues = false;

        while (true)
        {
            if (!_reader.ReadLine(out var line, out var tooLong)) return false;
            _lineNumber++;
            if (!tooLong && string.IsNullOrWhiteSpace(line)) continue;

            _line = line;
            Line = _lineNumber;
            var first = !_firstLineSeen;
            _firstLineSeen = true;
            if (tooLong)
            {
                ProblemReason = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"line longer than the limit of {_maxRowBytes:N0} bytes (\"max_row_bytes\"): skipped without reading it");
                if (first && line.AsSpan().TrimStart().TrimStart('\uFEFF').StartsWith("[")) _jsonArray = true;
                if (_jsonArray) ProblemReason += "; " + JsonArrayReason;
                return true;
            }
            try
            {
                _document = JsonDocument.Parse(line, DocumentOptions);
            }
            catch (JsonException ex)
            {
                // A first line that opens an array it does not close: a pretty-printed JSON array, not JSON lines.
                if (first && line.AsSpan().TrimStart().StartsWith("[")) _jsonArray = true;
                ProblemReason = _jsonArray ? JsonArrayReason
                    : line.Contains(TextEncodings.ReplacementChar)
                        ? $"undecodable bytes for encoding {Context.EncodingName} (and so not valid JSON)"
                        : $"invalid JSON: {ex.Message}";
                return true;
            }

            var root = _document.RootElement;
            if (first && root.ValueKind == JsonValueKind.Array && ContainsObject(root)) _jsonArray = true; // the array on one line
            if (_jsonArray)
            {
                ProblemReason = JsonArrayReason;
                return true;
            }
            if (root.ValueKind != JsonValueKind.Object)
            {
                ProblemReason = $"expected a JSON object but found {Describe(root.ValueKind)}";
                return true;
            }
            if (line.Contains(TextEncodings.ReplacementChar))
            {
                ProblemField = FindUndecodableProperty(root);
                ProblemReason = UndecodableReason(ProblemField);
                CanReadValues = true;
                return true;
            }
            CanReadValues = true;
            return true;
        }
    }

    public override bool ReadValues(string?[] values)
    {
        var root = _document!.RootElement;
        for (var s = 0; s < values.Length; s++)
        {
            values[s] = null;
            if (!TryFind(root, Slots[s].Column, _paths[s], out var element)) continue;
            if (!TryConvert(element, Slots[s].ArraySeparator, out var text, out var error))
            {
                ProblemField = Slots[s].Column;
                ProblemReason = error;
                return false;
            }
            values[s] = text;
        }
        return true;
    }

    public override void Dispose()
    {
        _document?.Dispose();
        _document = null;
        _reader.Dispose();
    }

    private const string JsonArrayReason =
        "the file is one JSON array, not JSON lines (one object per line): convert it, e.g. jq -c '.[]' file.json > file.jsonl";

    private static bool ContainsObject(JsonElement array)
    {
        foreach (var item in array.EnumerateArray())
            if (item.ValueKind == JsonValueKind.Object) return true;
        return false;
    }

    private static bool TryFind(JsonElement root, string column, string[]? path, out JsonElement element)
    {
        // A property literally named "a.b" wins over the path a → b.
        if (TryGetProperty(root, column, out element)) return true;
        if (path is null) return false;
        element = root;
        foreach (var segment in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !TryGetProperty(element, segment, out element)) return false;
        }
        return true;
    }

    private static bool TryGetProperty(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.TryGetProperty(name, out value)) return true;
        foreach (var property in obj.EnumerateObject())
        {
            if (!string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) continue;
            value = property.Value;
            return true;
        }
        value = default;
        return false;
    }

    private static bool TryConvert(JsonElement element, string arraySeparator, out string? text, out string? error)
    {
        error = null;
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
            {
                StringBuilder? joined = null;
                string? single = null;
                foreach (var item in element.EnumerateArray())
                {
                    if (!TryScalar(item, out var part))
                    {
                        text = null;
                        error = $"an array item is {Describe(item.ValueKind)}; only strings, numbers and booleans can be joined";
                        return false;
                    }
                    if (part is null) continue;
                    if (single is null)
                    {
                        single = part;
                        continue;
                    }
                    joined ??= new StringBuilder(single);
                    joined.Append(arraySeparator).Append(part);
                }
                text = joined?.ToString() ?? single;
                return true;
            }
            case JsonValueKind.Object:
                text = null;
                error = "the value is a JSON object; map one of its members with a dotted column, e.g. 'address.city'";
                return false;
            default:
                TryScalar(element, out text);
                return true;
        }
    }

    private static bool TryScalar(JsonElement element, out string? text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                text = TrimToNull(element.GetString()!);
                return true;
            case JsonValueKind.Number:
                text = element.GetRawText(); // as written: "0138", 1.50 and 1e3 are not reformatted
                return true;
            case JsonValueKind.True:
                text = "true";
                return true;
            case JsonValueKind.False:
                text = "false";
                return true;
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                text = null;
                return true;
            default:
                text = null;
                return false;
        }
    }

    private static string FindUndecodableProperty(JsonElement root)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name.Contains(TextEncodings.ReplacementChar) ||
                property.Value.GetRawText().Contains(TextEncodings.ReplacementChar))
                return property.Name;
        }
        return "?";
    }

    private static string Describe(JsonValueKind kind) => JsonValueKinds.Describe(kind);
}
