using Mdm.Engine.Records;

namespace Mdm.Engine.Resolution;

/// <summary>The best picture of one real customer, built field by field from its source records, with lineage.</summary>
public sealed class GoldenRecord
{
    public required string GoldenId { get; init; }
    public PartyKind Kind { get; init; }

    /// <summary>Field name (feature name, e.g. "name", "phones") → surviving value.</summary>
    public SortedDictionary<string, string> Fields { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Field name → where the value came from and why it won.</summary>
    public SortedDictionary<string, FieldLineage> Lineage { get; init; } = new(StringComparer.Ordinal);

    public int MemberCount { get; init; }
    public IReadOnlyList<string> Systems { get; init; } = [];
}

/// <param name="System">Source system of the winning record.</param>
/// <param name="Key">Source key of the winning record.</param>
/// <param name="Rule">Why it won: "trust 80", "most recent (2026-01-02)", "most complete", "agreed by 3 of 4", "only source", "union of 2 sources".</param>
public sealed record FieldLineage(string System, string Key, string Rule);
