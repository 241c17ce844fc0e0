using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Mdm.Engine.Records;

namespace Mdm.Engine.Storage;

/// <summary>A source record as the store keeps it: its store id, its raw fields and what the sources file said of its system.</summary>
public sealed record StoredSourceRecord(int RecordId, SourceRecord Record, int Trust, string ContentHash)
{
    /// <summary>The columns every store reads a stored record from, in the order <see cref="Read"/> expects.</summary>
    internal const string Columns = "record_id, system, source_key, kind, fields, trust, line, updated_at, content_hash, read_findings";

    /// <summary>A row of <see cref="Columns"/>, on any store's reader.</summary>
    internal static StoredSourceRecord Read(DbDataReader r)
    {
        var record = new SourceRecord(r.GetString(1), r.GetString(2), (PartyKind)r.GetInt32(3), FieldsJson.Deserialize(r.GetString(4)))
        {
            Line = r.IsDBNull(6) ? 0 : r.GetInt64(6),
            UpdatedAt = r.IsDBNull(7) ? null : DateTimeOffset.Parse(r.GetString(7), CultureInfo.InvariantCulture),
            ReadFindings = r.IsDBNull(9) ? [] : JsonSerializer.Deserialize<Quality.QualityFinding[]>(r.GetString(9), StoreJson.Options)!,
        };
        return new StoredSourceRecord(r.GetInt32(0), record, r.GetInt32(5), r.GetString(8));
    }
}
