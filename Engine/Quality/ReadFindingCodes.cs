namespace Mdm.Engine.Quality;

/// <summary>
/// Stable <see cref="QualityFinding.Code"/> values for what a connector changed while reading a value (see
/// <see cref="Records.SourceRecord.ReadFindings"/>): the record is kept, cleaned, and the finding says what was removed.
/// </summary>
public static class ReadFindingCodes
{
    /// <summary>NUL characters (byte 0) were removed from the value.</summary>
    public const string NulRemoved = "nul_removed";

    /// <summary>Byte-order marks (U+FEFF) found inside the file, not at its start, were removed from the value.</summary>
    public const string StrayBomRemoved = "stray_bom_removed";

    /// <summary>The <see cref="QualityFinding.Field"/> of a finding about the source key (not a canonical field).</summary>
    public const string KeyField = "source_key";
}
