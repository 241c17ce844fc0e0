namespace Mdm.Connectors.Configuration;

/// <summary>One customer-record source of a sources file: where its file is, how to read it and how to map it.</summary>
public sealed class SourceDefinition : FileSourceDefinition
{
    internal SourceDefinition(string system, string path, SourceFormat format, string? encoding, char delimiter,
        bool hasHeader, bool quoting, string key, KindMapping kindMapping, IReadOnlyDictionary<string, FieldMapping> fields,
        int trust, string? updatedAtColumn, string? updatedAtFormat, bool fullExtract, DeletedFlag? deletedFlag, string country)
        : base(system, path, format, encoding, delimiter, hasHeader, quoting, key)
    {
        KindMapping = kindMapping;
        Fields = fields;
        Trust = trust;
        UpdatedAtColumn = updatedAtColumn;
        UpdatedAtFormat = updatedAtFormat;
        FullExtract = fullExtract;
        DeletedFlag = deletedFlag;
        Country = country;
    }

    /// <summary>How a record's kind (person or organization) is decided.</summary>
    public KindMapping KindMapping { get; }

    /// <summary>Canonical field name (see <see cref="Mdm.Engine.Records.CanonicalField"/>) → where its value comes from.</summary>
    public IReadOnlyDictionary<string, FieldMapping> Fields { get; }

    /// <summary>How much survivorship trusts this source, 0-100 ("trust", default 50).</summary>
    public int Trust { get; }

    /// <summary>The column with the record's last-change time ("updated_at"), if any.</summary>
    public string? UpdatedAtColumn { get; }

    /// <summary>The exact format of <see cref="UpdatedAtColumn"/>, if the sources file gives one.</summary>
    public string? UpdatedAtFormat { get; }

    /// <summary>
    /// Whether each file is a full extract ("full_extract", default true): records of this system absent from it have been
    /// removed from the source and should be retired. False for incremental (delta) extracts.
    /// </summary>
    public bool FullExtract { get; }

    /// <summary>When a full extract may retire what it lacks ("retirement": max_reject_share, min_share_of_store).</summary>
    public Mdm.Engine.Pipeline.RetirementGuard Retirement { get; init; } = Mdm.Engine.Pipeline.RetirementGuard.Default;

    /// <summary>The soft-delete flag column ("deleted"), if any.</summary>
    public DeletedFlag? DeletedFlag { get; }

    /// <summary>
    /// ISO 3166-1 alpha-2 code of the country the source's phone numbers are written for ("country", default CN): a number
    /// without a country code is read in that country's national format.
    /// </summary>
    public string Country { get; }

    /// <summary>For "format": "database", where the rows come from; null for a file source.</summary>
    public DatabaseSourceSettings? Database { get; init; }

    /// <summary>The birth-date format of the birth_date mapping, if one is given (shortcut for the engine).</summary>
    public string? BirthDateFormat =>
        Fields.TryGetValue(Mdm.Engine.Records.CanonicalField.BirthDate, out var m) ? m.Format : null;

    public override string ToString() => Database is { } db ? $"{System} ({db.Provider} {db.Describe()})" : $"{System} ({Path})";
}
