using System.Data.Common;
using Mdm.Engine.Records;

namespace Mdm.Engine.Storage;

/// <summary>A source record as a steward sees it: where it comes from and its fields as the source gave them.</summary>
public sealed record ReviewRecord(int RecordId, string System, string Key, PartyKind Kind, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>Columns record_id, system, source_key, kind, fields from <paramref name="at"/> on, on any store's reader.</summary>
    internal static ReviewRecord Read(DbDataReader r, int at) =>
        new(r.GetInt32(at), r.GetString(at + 1), r.GetString(at + 2), (PartyKind)r.GetInt32(at + 3), FieldsJson.Deserialize(r.GetString(at + 4)));
}
