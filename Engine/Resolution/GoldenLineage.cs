using System.Text.Json;

namespace Mdm.Engine.Resolution;

/// <summary>Reads <c>golden_records.lineage</c> back into field → (system, key, rule).</summary>
public static class GoldenLineage
{
    /// <summary>
    /// Parses the stored form, [{"system", "key", "rule", "fields": [...]}, …], and also the per-field object
    /// {"field": {"system", "key", "rule"}, …} that stores written before it hold.
    /// </summary>
    public static SortedDictionary<string, FieldLineage> Parse(string json)
    {
        var result = new SortedDictionary<string, FieldLineage>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            foreach (var group in root.EnumerateArray())
            {
                var source = Read(group);
                foreach (var field in group.GetProperty("fields").EnumerateArray()) result[field.GetString()!] = source;
            }
        }
        else
        {
            foreach (var field in root.EnumerateObject()) result[field.Name] = Read(field.Value);
        }
        return result;
    }

    private static FieldLineage Read(JsonElement e) =>
        new(e.GetProperty("system").GetString()!, e.GetProperty("key").GetString()!, e.GetProperty("rule").GetString()!);
}
