using Mdm.Engine.Quality;
using Mdm.Engine.Records;

namespace Mdm.Engine.Standardization;

/// <summary>
/// A source record after standardization: the <see cref="Feature"/> values matching compares, plus the quality findings
/// met on the way. Compact on purpose: a batch keeps one per source record in memory.
/// </summary>
public sealed class StandardizedRecord
{
    private static readonly QualityFinding[] NoFindings = [];

    public StandardizedRecord(string system, string key, PartyKind kind)
    {
        System = system;
        Key = key;
        Kind = kind;
        Values = new string?[FeatureNames.Count];
        Values[(int)Feature.SourceSystem] = system;
    }

    /// <summary>Dense id within one resolution run (index into the run's record array).</summary>
    public int Id { get; set; }

    public string System { get; }
    public string Key { get; }
    public PartyKind Kind { get; }

    /// <summary>Source trust 0–100 from the sources file (survivorship).</summary>
    public int Trust { get; set; } = 50;

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Values indexed by <see cref="Feature"/>; null when missing or invalid.</summary>
    public string?[] Values { get; }

    public QualityFinding[] Findings { get; set; } = NoFindings;

    public string? this[Feature feature]
    {
        get => Values[(int)feature];
        set => Values[(int)feature] = string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>Number of features present: the completeness used by survivorship.</summary>
    public int Completeness
    {
        get
        {
            var n = 0;
            foreach (var v in Values) if (v is not null) n++;
            return n;
        }
    }

    public override string ToString() => $"{System}/{Key}";
}
