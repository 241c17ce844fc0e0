namespace Mdm.Engine.Quality;

/// <summary>
/// Something wrong or missing in a source value, found during standardization. A finding never stops a record:
/// the value is simply not used as matching evidence, and the finding is reported per source system.
/// </summary>
/// <param name="Field">Canonical field, e.g. "national_id".</param>
/// <param name="Code">Stable machine code, e.g. "invalid_checksum", "unparsed_address", "missing".</param>
/// <param name="Message">Human-readable detail, e.g. "check digit is 3, expected X".</param>
public sealed record QualityFinding(string Field, string Code, string Message);
