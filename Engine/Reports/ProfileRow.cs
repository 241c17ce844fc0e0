using Mdm.Engine.Standardization;

namespace Mdm.Engine.Reports;

/// <summary>One active source record as the profiler's pass reads it; its fields JSON is dropped once standardized.</summary>
internal sealed class ProfileRow
{
    public required string System { get; init; }
    public required string Key { get; init; }
    public required int Kind { get; init; }
    public required string? UpdatedAt { get; init; }
    public required string? GoldenId { get; init; }
    public required long TransactionCents { get; init; }

    /// <summary>The golden record's fields JSON, read only on the first row of each golden customer.</summary>
    public string? GoldenFields { get; init; }

    public string? FieldsJson { get; set; }

    public StandardizedRecord? Standardized { get; set; }

    /// <summary>Bit i set: <see cref="ProfileField.All"/>[i] has a raw value in the source.</summary>
    public int PresentMask { get; set; }
}
