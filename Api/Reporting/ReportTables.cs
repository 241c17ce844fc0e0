using Mdm.Engine.Reports;

namespace Mdm.Api.Reporting;

/// <summary>The report's tables, built from a <see cref="QualityProfile"/>: the same rows go to the page and to the CSV files.</summary>
public static class ReportTables
{
    /// <summary>Rows of the city and county tables shown on the page; the CSV files hold every division.</summary>
    public const int RegionPageRows = 25;

    public static IReadOnlyList<ReportTable> Build(QualityProfile p) =>
        [Systems(p), Completeness(p), Duplicates(p), Overlap(p), InvalidValues(p), Rejects(p), Conflicts(p),
         Regions("regions_province", "Customers by province", p.Provinces, p, null),
         Regions("regions_city", "Customers by city", p.Cities, p, RegionPageRows),
         Regions("regions_county", "Customers by county or district", p.Counties, p, RegionPageRows)];

    private static IEnumerable<SystemQuality> WithOverall(QualityProfile p) => p.Systems.Append(p.Overall);

    public static ReportTable Systems(QualityProfile p)
    {
        var t = new ReportTable("systems", "Source systems at a glance",
            "system", "records", "persons", "organizations", "rejected rows", "golden customers", "duplicates", "duplicate %",
            "in other systems", "in other systems %", "golden with conflicts", "invalid records", "invalid %", "transactions")
        {
            Note = "Records are the active source records; duplicates are records whose golden customer holds another record of the same system; " +
                   "shared counts the system's golden customers that also hold a record of another system.",
        };
        foreach (var s in WithOverall(p))
            t.Add(s.System, s.Records, s.Persons, s.Organizations, s.RejectedRows, s.GoldenCustomers, s.DuplicateRecords, Percent.Of(s.DuplicateRecords, s.Records),
                s.SharedGoldenCustomers, Percent.Of(s.SharedGoldenCustomers, s.GoldenCustomers), s.ConflictingGoldenCustomers,
                s.RecordsWithInvalidValues, Percent.Of(s.RecordsWithInvalidValues, s.Records), new Money(s.TransactionCents));
        return t;
    }

    public static ReportTable Completeness(QualityProfile p)
    {
        var t = new ReportTable("completeness", "Completeness per field",
            "system", "field", "usable means", "records it applies to", "filled", "filled %", "usable", "usable %", "examples without a usable value")
        {
            Note = "Filled: the source has any value in the field's columns. Usable: standardization kept a valid value " +
                   "(a valid ID card also gives birth date and gender, so usable may exceed filled).",
            Folded = true,
        };
        foreach (var s in WithOverall(p))
            foreach (var c in s.Completeness)
                t.Add(s.System, c.Field.Name, c.Field.Description, c.Applicable, c.Present, new Percent(c.Filled), c.Usable, new Percent(c.Completeness),
                    new Examples(c.MissingExamples));
        return t;
    }

    public static ReportTable Duplicates(QualityProfile p)
    {
        var t = new ReportTable("duplicates", "Duplicates inside each system",
            "system", "records", "duplicate records", "duplicate %", "golden customers with duplicates", "examples (golden ID: keys)")
        {
            Note = "One customer entered twice or more in the same system: the owner can merge these records at the source.",
        };
        foreach (var s in WithOverall(p))
            t.Add(s.System, s.Records, s.DuplicateRecords, Percent.Of(s.DuplicateRecords, s.Records), s.GoldenCustomersWithDuplicates, new Examples(s.DuplicateExamples));
        return t;
    }

    public static ReportTable Overlap(QualityProfile p)
    {
        var t = new ReportTable("overlap", "Overlap between systems",
            "system", "other system", "golden customers of the system", "shared golden customers", "% of the system's golden customers")
        {
            Note = "A golden customer is shared when it holds records of both systems; the row with the system itself is its golden customer count.",
            Folded = true,
        };
        for (var i = 0; i < p.Systems.Count; i++)
            for (var j = 0; j < p.Systems.Count; j++)
                t.Add(p.Systems[i].System, p.Systems[j].System, p.Overlap[i, i], p.Overlap[i, j], new Percent(p.OverlapShare(i, j)));
        return t;
    }

    public static ReportTable InvalidValues(QualityProfile p)
    {
        var t = new ReportTable("invalid_values", "Invalid values",
            "system", "field", "problem", "code", "records", "% of the system's records", "examples (key: detail)")
        {
            Note = "From standardization's quality findings (a record counts once per field and problem); an invalid value is never used as matching evidence.",
        };
        foreach (var s in WithOverall(p))
            foreach (var v in s.InvalidValues)
                t.Add(s.System, v.Field, v.Description, v.Code, v.Count, Percent.Of(v.Count, s.Records), new Examples(v.Examples));
        return t;
    }

    public static ReportTable Rejects(QualityProfile p)
    {
        var t = new ReportTable("rejects", "Rejected rows by reason", "system", "reason", "rows", "examples")
        {
            Note = "Rows of each system's last load that did not become records (keys and line numbers in the reason are folded to … and #).",
        };
        foreach (var s in WithOverall(p))
            foreach (var r in s.Rejects)
                t.Add(s.System, r.Description, r.Count, new Examples(r.Examples));
        return t;
    }

    public static ReportTable Conflicts(QualityProfile p)
    {
        var multi = p.MultiRecordGoldenCustomers;
        var t = new ReportTable("conflicts", "Golden customers assembled from disagreeing records",
            "field", "disagreement", "golden customers", "% of golden customers with several records", "examples (golden ID: values)")
        {
            Note = "Compared on standardized values, so script, width and format differences are not counted; survivorship chose one value, the steward may check the others.",
        };
        foreach (var c in p.Conflicts) t.Add(c.Field, c.Description, c.GoldenCustomers, Percent.Of(c.GoldenCustomers, multi), new Examples(c.Examples));
        return t;
    }

    public static ReportTable Regions(string id, string title, IReadOnlyList<RegionCount> regions, QualityProfile p, int? pageRows)
    {
        var t = new ReportTable(id, title, "code", "name", "within", "records", "golden customers", "% of golden customers", "transaction value")
        {
            Note = "Records by their own address; golden customers and their transaction value (all their records' transactions) by the golden record's address. " +
                   "The row without a code holds customers whose division was not recognised." +
                   (pageRows is { } n && regions.Count > n ? $" The page shows the first {n} of {regions.Count:N0}; {id}.csv has all." : ""),
            PageRows = pageRows,
        };
        foreach (var r in regions)
            t.Add(r.Code, r.Name, r.ParentName, r.Records, r.GoldenCustomers, Percent.Of(r.GoldenCustomers, p.GoldenCustomers), new Money(r.TransactionCents));
        return t;
    }
}
