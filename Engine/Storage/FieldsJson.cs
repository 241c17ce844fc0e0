using System.Text.Json;
using Mdm.Engine.Resolution;

namespace Mdm.Engine.Storage;

/// <summary>Source fields as a JSON object; readable Chinese (not \u-escaped) so the store stays inspectable.</summary>
internal static class FieldsJson
{
    public static string Serialize(IReadOnlyDictionary<string, string> fields) => System.Text.Encoding.UTF8.GetString(SerializeUtf8(fields));

    public static byte[] SerializeUtf8(IReadOnlyDictionary<string, string> fields)
    {
        var keys = fields.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = StoreJson.Options.Encoder }))
        {
            w.WriteStartObject();
            foreach (var k in keys) w.WriteString(k, fields[k]);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Lineage grouped by where values came from and why: [{"system": s, "key": k, "rule": r, "fields": [f, …]}, …], groups
    /// in the order of their first field. A million golden records' lineage was most of the bytes a full load wrote
    /// (one object per field repeated the same source and rule); grouped it is about half (1M records: 388 → 186 MB). <see cref="GoldenLineage.Parse"/>
    /// reads it back per field. Written by hand: the reflection serializer was the slowest part of a write.
    /// </summary>
    public static byte[] SerializeLineageUtf8(IReadOnlyDictionary<string, FieldLineage> lineage)
    {
        // Few fields (≤ 16) and fewer groups: a linear search per field beats hashing.
        var groups = new List<(FieldLineage Source, List<string> Fields)>(4);
        foreach (var (field, l) in lineage)
        {
            var g = 0;
            while (g < groups.Count && !SameSource(groups[g].Source, l)) g++;
            if (g == groups.Count) groups.Add((l, new List<string>(lineage.Count)));
            groups[g].Fields.Add(field);
        }
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = StoreJson.Options.Encoder }))
        {
            w.WriteStartArray();
            foreach (var (source, fields) in groups)
            {
                w.WriteStartObject();
                w.WriteString("system", source.System);
                w.WriteString("key", source.Key);
                w.WriteString("rule", source.Rule);
                w.WriteStartArray("fields");
                foreach (var f in fields) w.WriteStringValue(f);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static bool SameSource(FieldLineage a, FieldLineage b) =>
        string.Equals(a.Rule, b.Rule, StringComparison.Ordinal) && string.Equals(a.Key, b.Key, StringComparison.Ordinal)
        && string.Equals(a.System, b.System, StringComparison.Ordinal);

    public static Dictionary<string, string> Deserialize(string json)
    {
        var result = new Dictionary<string, string>(8, StringComparer.Ordinal);
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        string? name = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName) name = reader.GetString();
            else if (reader.TokenType == JsonTokenType.String && name is not null) result[name] = reader.GetString()!;
        }
        return result;
    }
}
