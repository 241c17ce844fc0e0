using System.Text;
using Mdm.Connectors.Configuration;
using Mdm.Engine.Quality;
using Mdm.Engine.Records;

namespace Mdm.Connectors.Reading;

/// <summary>
/// Turns a cursor's rows into records. Per row only the values of the planned columns and the fields dictionary are
/// built. A key seen before in the same file is a reject; the first row with the key is kept. A value cleaned of NUL
/// characters or stray BOMs carries a <see cref="QualityFinding"/> on the record (<see cref="SourceRecord.ReadFindings"/>).
/// </summary>
internal sealed class FileRecordSource : FileRowSource<SourceRow>, IRecordSource
{
    private readonly SourceDefinition _source;
    private readonly RecordPlan _plan;
    private readonly Dictionary<string, long> _firstLineOfKey = new(StringComparer.Ordinal);
    private readonly StringBuilder _joiner = new(128);
    private readonly string _keyColumn;

    public FileRecordSource(SourceDefinition source, RecordPlan plan, RowCursor cursor)
        : base(source.System, cursor, plan.Slots.Count, plan.KeySlot)
    {
        _source = source;
        _plan = plan;
        _keyColumn = plan.Slots[plan.KeySlot].Column;
    }

    public IEnumerable<SourceRow> ReadRecords(CancellationToken cancellationToken = default) =>
        ReadRows($"the records of source '{System}'", cancellationToken);

    protected override SourceRow Build(string?[] values, long line)
    {
        var recordKey = values[_plan.KeySlot];
        if (recordKey is null) return Reject(Rejected(line, _keyColumn, "missing key", null));
        if (!_firstLineOfKey.TryAdd(recordKey, line))
            return Reject(Rejected(line, _keyColumn, $"duplicate key '{recordKey}' (first seen at line {_firstLineOfKey[recordKey]})", recordKey));
        var record = BuildRecord(recordKey, values, line, _joiner, out var deleted);
        return new SourceRow(record, null, deleted);
    }

    protected override SourceRow Reject(RejectedRow rejected) => new(null, rejected);

    private SourceRecord BuildRecord(string key, string?[] values, long line, StringBuilder joiner, out bool deleted)
    {
        var fieldPlans = _plan.Fields;
        var fields = new Dictionary<string, string>(fieldPlans.Length, StringComparer.Ordinal);
        foreach (var field in fieldPlans)
        {
            var value = Join(field, values, joiner);
            if (value is not null) fields[field.Name] = value;
        }

        var kind = _source.KindMapping.Resolve(_plan.KindSlot >= 0 ? values[_plan.KindSlot] : null);
        deleted = _source.DeletedFlag is { } flag && flag.IsDeleted(values[_plan.DeletedSlot]);
        DateTimeOffset? updatedAt = null;
        // An unreadable timestamp only costs the record its recency; the record itself is good.
        if (_plan.UpdatedAtSlot >= 0 && ValueParsers.TryParseTimestamp(values[_plan.UpdatedAtSlot], _source.UpdatedAtFormat, out var parsed))
            updatedAt = parsed;

        return new SourceRecord(_source.System, key, kind, fields)
        {
            Line = line, UpdatedAt = updatedAt, ReadFindings = AnyRemoved ? RemovalFindings() : [],
        };
    }

    /// <summary>One finding per field (and for the key) whose value had NUL characters or stray BOMs removed.</summary>
    private QualityFinding[] RemovalFindings()
    {
        var findings = new List<QualityFinding>();
        void Add(string field, int slot)
        {
            if (!Removed(slot, out var nul, out var bom)) return;
            if (nul) AddOnce(new QualityFinding(field, ReadFindingCodes.NulRemoved, "NUL characters (byte 0) were removed from the value"));
            if (bom) AddOnce(new QualityFinding(field, ReadFindingCodes.StrayBomRemoved,
                "byte-order marks (U+FEFF) inside the file were removed from the value (two files joined into one?)"));
        }
        void AddOnce(QualityFinding finding)
        {
            if (!findings.Contains(finding)) findings.Add(finding); // a field of several columns: once
        }
        Add(ReadFindingCodes.KeyField, _plan.KeySlot);
        foreach (var field in _plan.Fields)
            foreach (var slot in field.Slots)
                Add(field.Name, slot);
        return findings.ToArray();
    }

    private static string? Join(FieldPlan field, string?[] values, StringBuilder joiner)
    {
        var slots = field.Slots;
        if (slots.Length == 1) return values[slots[0]];
        string? first = null;
        var count = 0;
        foreach (var slot in slots)
        {
            var value = values[slot];
            if (value is null) continue;
            if (count++ == 0)
            {
                first = value;
                continue;
            }
            if (count == 2) joiner.Clear().Append(first);
            joiner.Append(field.Separator).Append(value);
        }
        return count <= 1 ? first : joiner.ToString();
    }

}
