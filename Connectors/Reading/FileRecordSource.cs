using System.Text;
using Mdm.Connectors.Configuration;
using Mdm.Engine.Records;

namespace Mdm.Connectors.Reading;

/// <summary>
/// Turns a cursor's rows into records. Per row only the values of the planned columns and the fields dictionary are
/// built. A key seen before in the same file is a reject; the first row with the key is kept.
/// </summary>
internal sealed class FileRecordSource : IRecordSource
{
    private readonly SourceDefinition _source;
    private readonly RecordPlan _plan;
    private readonly RowCursor _cursor;
    private bool _started;

    public FileRecordSource(SourceDefinition source, RecordPlan plan, RowCursor cursor)
    {
        _source = source;
        _plan = plan;
        _cursor = cursor;
    }

    public string System => _source.System;

    public IEnumerable<SourceRow> ReadRecords(CancellationToken cancellationToken = default)
    {
        if (_started) throw new InvalidOperationException($"the records of source '{System}' have already been read; open it again to re-read");
        _started = true;
        return Read(cancellationToken);
    }

    private IEnumerable<SourceRow> Read(CancellationToken cancellationToken)
    {
        var values = new string?[_plan.Slots.Count];
        var firstLineOfKey = new Dictionary<string, long>(StringComparer.Ordinal);
        var joiner = new StringBuilder(128);
        var keyColumn = _plan.Slots[_plan.KeySlot].Column;
        while (_cursor.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = _cursor.Line;

            if (_cursor.ProblemReason is { } problem)
            {
                var field = _cursor.ProblemField;
                string? key = null;
                if (_cursor.CanReadValues && _cursor.ReadValues(values)) key = values[_plan.KeySlot]; // for the reject only
                yield return Reject(line, field, problem, key);
                continue;
            }
            if (!_cursor.ReadValues(values))
            {
                yield return Reject(line, _cursor.ProblemField, _cursor.ProblemReason!, null);
                continue;
            }

            var recordKey = values[_plan.KeySlot];
            if (recordKey is null)
            {
                yield return Reject(line, keyColumn, "missing key", null);
                continue;
            }
            if (!firstLineOfKey.TryAdd(recordKey, line))
            {
                yield return Reject(line, keyColumn, $"duplicate key '{recordKey}' (first seen at line {firstLineOfKey[recordKey]})", recordKey);
                continue;
            }

            var record = BuildRecord(recordKey, values, line, joiner, out var deleted);
            yield return new SourceRow(record, null, deleted);
        }
    }

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

        return new SourceRecord(_source.System, key, kind, fields) { Line = line, UpdatedAt = updatedAt };
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

    private SourceRow Reject(long line, string? field, string reason, string? key) =>
        new(null, new RejectedRow(_source.System, line, field, reason, _cursor.RawText, key));

    public void Dispose() => _cursor.Dispose();
}
