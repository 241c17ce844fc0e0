namespace Mdm.Engine.Reports;

/// <summary>The data-quality profile of one source system (or, as <see cref="QualityProfile.Overall"/>, of all of them).</summary>
public sealed class SystemQuality
{
    internal SystemQuality(string system)
    {
        System = system;
        Completeness = ProfileField.All.Select(f => new FieldCompleteness(f)).ToArray();
    }

    public string System { get; }

    /// <summary>Active (not retired) source records.</summary>
    public long Records { get; internal set; }
    public long Persons { get; internal set; }
    public long Organizations { get; internal set; }

    /// <summary>Rows the system's last load rejected.</summary>
    public long RejectedRows { get; internal set; }

    /// <summary>Rejected rows by reason (particulars such as keys and line numbers folded, see <see cref="RejectReasons"/>), most frequent first.</summary>
    public List<ProblemCount> Rejects { get; } = [];

    /// <summary>Golden customers holding at least one of the system's records.</summary>
    public long GoldenCustomers { get; internal set; }

    /// <summary>Records whose golden customer holds another record of the same system: the system's own duplicates.</summary>
    public long DuplicateRecords { get; internal set; }

    /// <summary>Golden customers holding two or more of the system's records.</summary>
    public long GoldenCustomersWithDuplicates { get; internal set; }

    /// <summary>Examples: the golden ID and the duplicate keys ("G000000012: C1, C7").</summary>
    public List<string> DuplicateExamples { get; } = [];

    /// <summary>Golden customers of this system that also hold a record of another system.</summary>
    public long SharedGoldenCustomers { get; internal set; }

    /// <summary>Golden customers of this system whose members disagree on a field (see <see cref="QualityProfile.Conflicts"/>).</summary>
    public long ConflictingGoldenCustomers { get; internal set; }

    public IReadOnlyList<FieldCompleteness> Completeness { get; }

    /// <summary>Invalid values by field and code, most frequent first; a record counts once per field and code.</summary>
    public List<ProblemCount> InvalidValues { get; } = [];

    /// <summary>Records with at least one invalid value.</summary>
    public long RecordsWithInvalidValues { get; internal set; }

    /// <summary>Sum of the system's transactions whose key is an active record, in cents.</summary>
    public long TransactionCents { get; internal set; }

    public double? DuplicateRate => Records == 0 ? null : (double)DuplicateRecords / Records;
    public double? InvalidRate => Records == 0 ? null : (double)RecordsWithInvalidValues / Records;

    public FieldCompleteness Field(string name) => Completeness.First(c => c.Field.Name == name);

    public ProblemCount? Invalid(string field, string code) => InvalidValues.FirstOrDefault(p => p.Field == field && p.Code == code);

    /// <summary>Records with at least one invalid value in the field (a record with two problems in one field counts once).</summary>
    public Dictionary<string, long> RecordsWithInvalidField { get; } = new(StringComparer.Ordinal);

    public long InvalidRecords(string field) => RecordsWithInvalidField.GetValueOrDefault(field);
}
