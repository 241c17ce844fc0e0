namespace Mdm.Engine.Reports;

/// <summary>One field of one system: how many records it applies to, carry a raw value, and carry a usable standardized value.</summary>
public sealed class FieldCompleteness(ProfileField field)
{
    public ProfileField Field { get; } = field;

    /// <summary>Records of the kinds the field applies to (birth dates: persons; credit codes: organizations).</summary>
    public long Applicable { get; internal set; }

    /// <summary>Records with any raw value in one of the field's source columns.</summary>
    public long Present { get; internal set; }

    /// <summary>Records with a usable standardized value (may exceed <see cref="Present"/>: a valid ID card gives the birth date).</summary>
    public long Usable { get; internal set; }

    /// <summary>Usable / applicable; null when the field applies to no record.</summary>
    public double? Completeness => Applicable == 0 ? null : (double)Usable / Applicable;

    /// <summary>Present / applicable: how often the system fills the field at all (0 for a column the system does not map).</summary>
    public double? Filled => Applicable == 0 ? null : (double)Present / Applicable;

    /// <summary>Keys of the first records the field applies to that have no usable value.</summary>
    public List<string> MissingExamples { get; } = [];
}
