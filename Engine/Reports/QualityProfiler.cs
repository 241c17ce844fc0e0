using System.Diagnostics;
using System.Globalization;
using Mdm.Engine.Records;
using Mdm.Engine.Standardization;
using Mdm.Engine.Standardization.Addresses;
using Mdm.Engine.Storage;

namespace Mdm.Engine.Reports;

/// <summary>
/// Computes the <see cref="QualityProfile"/> of a store in one pass over its active source records, read in golden-ID
/// order (the cross-reference's index, no sort) so each golden customer's members arrive together: duplicates, overlap,
/// conflicts and regions need only the customer at hand. Records are standardized as a load does, in batches across
/// cores; at most one batch of records' JSON is held at a time.
/// </summary>
public sealed class QualityProfiler
{
    /// <summary>Records per standardization batch (extended to the end of the golden customer in progress).</summary>
    private const int BatchSize = 8192;

    private readonly IMdmStore _store;
    private readonly IReportSource _sql;
    private readonly int _examples;
    private readonly RecordStandardizer _standardizer;
    private readonly DivisionCatalog _divisions = DivisionCatalog.Default;

    private IReadOnlyDictionary<string, SystemProfile> _profiles = new Dictionary<string, SystemProfile>();
    private readonly Dictionary<string, SystemQuality> _systems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _systemIndex = new(StringComparer.Ordinal);
    private readonly SystemQuality _overall = new("all systems");
    private readonly Dictionary<(SystemQuality, string, string), ProblemCount> _invalid = [];
    private readonly Dictionary<string, ConflictCount> _conflicts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RegionCount>[] _regions = [new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
    private long[,] _overlap = new long[0, 0];
    private long _multiRecord;

    /// <param name="store">A store that also answers portable SQL (<see cref="IReportSource"/>): SQLite and PostgreSQL do.</param>
    public QualityProfiler(IMdmStore store, int examplesPerProblem = 5, RecordStandardizer? standardizer = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(examplesPerProblem);
        _store = store;
        _sql = store as IReportSource ?? throw new NotSupportedException($"the store at {store.Location} cannot run the data-quality profile's queries");
        _examples = examplesPerProblem;
        _standardizer = standardizer ?? new RecordStandardizer();
    }

    public QualityProfile Compute(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        _profiles = _store.LoadSystemProfiles();
        var names = new SortedSet<string>(_profiles.Keys, StringComparer.Ordinal);
        using (var cmd = _sql.CreateQuery("SELECT DISTINCT system FROM source_records WHERE retired_run IS NULL"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) names.Add(r.GetString(0));
        foreach (var name in names)
        {
            _systemIndex[name] = _systemIndex.Count;
            _systems[name] = new SystemQuality(name);
        }
        _overlap = new long[names.Count, names.Count];
        foreach (var (field, description) in MemberConflicts.Fields) _conflicts[field] = new ConflictCount(field, description);

        ReadRejects();
        // Resolved records by golden customer, then records no resolution has reached yet (each its own customer).
        var bytes = _sql.BinaryCollation;
        Pass($"""
            SELECT s.system, s.source_key, s.kind, s.fields, s.updated_at, x.golden_id,
                   (SELECT CAST(SUM(t.amount_cents) AS BIGINT) FROM transactions t WHERE t.system = s.system AND t.source_key = s.source_key), g.fields
            FROM cross_reference x JOIN source_records s ON s.record_id = x.record_id
            LEFT JOIN golden_records g ON g.golden_id = x.golden_id
            WHERE s.retired_run IS NULL
            ORDER BY x.golden_id {bytes}, x.system {bytes}, x.source_key {bytes}
            """, cancellationToken);
        Pass("""
            SELECT s.system, s.source_key, s.kind, s.fields, s.updated_at, CAST(NULL AS TEXT),
                   (SELECT CAST(SUM(t.amount_cents) AS BIGINT) FROM transactions t WHERE t.system = s.system AND t.source_key = s.source_key), CAST(NULL AS TEXT)
            FROM source_records s
            WHERE s.retired_run IS NULL AND NOT EXISTS (SELECT 1 FROM cross_reference x WHERE x.record_id = s.record_id)
            ORDER BY s.record_id
            """, cancellationToken);

        foreach (var ((quality, _, _), problem) in _invalid) quality.InvalidValues.Add(problem);
        foreach (var q in _systems.Values.Append(_overall))
            q.InvalidValues.Sort((a, b) => b.Count != a.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Field + a.Code, b.Field + b.Code));
        return new QualityProfile
        {
            StorePath = _store.Location,
            GeneratedAt = DateTimeOffset.Now,
            ExampleLimit = _examples,
            Systems = names.Select(n => _systems[n]).ToArray(),
            Overall = _overall,
            Overlap = _overlap,
            MultiRecordGoldenCustomers = _multiRecord,
            Conflicts = MemberConflicts.Fields.Select(f => _conflicts[f.Field]).ToArray(),
            Provinces = Ordered(_regions[0]),
            Cities = Ordered(_regions[1]),
            Counties = Ordered(_regions[2]),
            Seconds = clock.Elapsed.TotalSeconds,
        };
    }

    private static RegionCount[] Ordered(Dictionary<string, RegionCount> regions) =>
        regions.Values.OrderByDescending(r => r.GoldenCustomers).ThenByDescending(r => r.Records).ThenBy(r => r.Code, StringComparer.Ordinal).ToArray();

    /// <summary>Rejects of each system's last load (older loads' rejects describe files since replaced).</summary>
    private void ReadRejects()
    {
        using var cmd = _sql.CreateQuery($"""
            SELECT r.system, r.reason, r.line, r.source_key FROM rejects r JOIN systems y ON y.system = r.system AND r.run_id = y.updated_run
            ORDER BY r.system {_sql.BinaryCollation}, r.reject_id
            """);
        using var r = cmd.ExecuteReader();
        var byReason = new Dictionary<(string, string), ProblemCount>();
        var overall = new Dictionary<string, ProblemCount>(StringComparer.Ordinal);
        while (r.Read())
        {
            var system = r.GetString(0);
            if (!_systems.TryGetValue(system, out var quality)) continue;
            var category = RejectReasons.Category(r.GetString(1));
            var example = "line " + (r.IsDBNull(2) ? "?" : r.GetInt64(2).ToString(CultureInfo.InvariantCulture))
                          + (r.IsDBNull(3) ? "" : " (" + r.GetString(3) + ")") + ": " + r.GetString(1);
            if (!byReason.TryGetValue((system, category), out var p))
            {
                byReason[(system, category)] = p = new ProblemCount("record", category, category);
                quality.Rejects.Add(p);
            }
            p.Add(example, _examples);
            if (!overall.TryGetValue(category, out var o))
            {
                overall[category] = o = new ProblemCount("record", category, category);
                _overall.Rejects.Add(o);
            }
            o.Add(system + " " + example, _examples);
            quality.RejectedRows++;
            _overall.RejectedRows++;
        }
        foreach (var q in _systems.Values.Append(_overall)) q.Rejects.Sort((a, b) => b.Count.CompareTo(a.Count));
    }

    private void Pass(string sql, CancellationToken cancellationToken)
    {
        using var cmd = _sql.CreateQuery(sql);
        using var r = cmd.ExecuteReader();
        var batch = new List<ProfileRow>(BatchSize + 16);
        string? previousGolden = null;
        while (r.Read())
        {
            var golden = r.IsDBNull(5) ? null : r.GetString(5);
            var sameCustomer = golden is not null && golden == previousGolden;
            if (batch.Count >= BatchSize && !sameCustomer)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Process(batch);
                batch.Clear();
            }
            batch.Add(new ProfileRow
            {
                System = r.GetString(0),
                Key = r.GetString(1),
                Kind = r.GetInt32(2),
                FieldsJson = r.GetString(3),
                UpdatedAt = r.IsDBNull(4) ? null : r.GetString(4),
                GoldenId = golden,
                TransactionCents = r.IsDBNull(6) ? 0 : r.GetInt64(6),
                GoldenFields = !sameCustomer && !r.IsDBNull(7) ? r.GetString(7) : null,
            });
            previousGolden = golden;
        }
        if (batch.Count > 0) Process(batch);
    }

    private void Process(List<ProfileRow> batch)
    {
        Parallel.For(0, batch.Count, i => Standardize(batch[i]));
        var start = 0;
        for (var i = 1; i <= batch.Count; i++)
        {
            if (i < batch.Count && batch[i].GoldenId is not null && batch[i].GoldenId == batch[start].GoldenId) continue;
            Customer(batch, start, i - start);
            start = i;
        }
    }

    private void Standardize(ProfileRow row)
    {
        var fields = FieldsJson.Deserialize(row.FieldsJson!);
        row.FieldsJson = null;
        var source = new SourceRecord(row.System, row.Key, (PartyKind)row.Kind, fields)
        {
            UpdatedAt = row.UpdatedAt is null ? null : DateTimeOffset.Parse(row.UpdatedAt, CultureInfo.InvariantCulture),
        };
        _profiles.TryGetValue(row.System, out var profile);
        row.Standardized = _standardizer.Standardize(source, profile);
        var mask = 0;
        for (var f = 0; f < ProfileField.All.Count; f++)
            foreach (var name in ProfileField.All[f].SourceFields)
                if (!string.IsNullOrWhiteSpace(source[name])) { mask |= 1 << f; break; }
        row.PresentMask = mask;
    }

    /// <summary>One golden customer: its members are rows [start, start + count) of the batch.</summary>
    private void Customer(List<ProfileRow> batch, int start, int count)
    {
        var goldenId = batch[start].GoldenId;
        var members = new List<StandardizedRecord>(count);
        long cents = 0;
        for (var i = start; i < start + count; i++)
        {
            Record(batch[i]);
            members.Add(batch[i].Standardized!);
            cents += batch[i].TransactionCents;
        }

        // Systems of this customer with their keys, in row order (system, key).
        var bySystem = new List<(string System, List<string> Keys)>(2);
        foreach (var m in members)
        {
            if (bySystem.Count == 0 || bySystem[^1].System != m.System) bySystem.Add((m.System, []));
            bySystem[^1].Keys.Add(m.Key);
        }
        var label = goldenId ?? "(unresolved)";
        _overall.GoldenCustomers++;
        if (count > 1) _multiRecord++;
        if (bySystem.Count > 1) _overall.SharedGoldenCustomers++;
        foreach (var (system, keys) in bySystem)
        {
            var q = _systems[system];
            q.GoldenCustomers++;
            if (bySystem.Count > 1) q.SharedGoldenCustomers++;
            if (keys.Count > 1)
            {
                q.DuplicateRecords += keys.Count;
                q.GoldenCustomersWithDuplicates++;
                _overall.DuplicateRecords += keys.Count;
                _overall.GoldenCustomersWithDuplicates++;
                if (q.DuplicateExamples.Count < _examples) q.DuplicateExamples.Add($"{label}: {string.Join(", ", keys)}");
                if (_overall.DuplicateExamples.Count < _examples) _overall.DuplicateExamples.Add($"{label}: {system} {string.Join(", ", keys)}");
            }
            var i = _systemIndex[system];
            foreach (var (other, _) in bySystem) _overlap[i, _systemIndex[other]]++;
        }

        var conflicts = MemberConflicts.Find(members);
        if (conflicts.Count > 0)
        {
            _overall.ConflictingGoldenCustomers++;
            foreach (var (system, _) in bySystem) _systems[system].ConflictingGoldenCustomers++;
            foreach (var (field, values) in conflicts) _conflicts[field].Add($"{label}: {values}", _examples);
        }

        // The golden customer's region is its surviving address's; before any resolution, the record's own.
        string? province, city, county;
        if (batch[start].GoldenFields is { } json)
        {
            var golden = FieldsJson.Deserialize(json);
            golden.TryGetValue(Feature.ProvinceCode.Name(), out province);
            golden.TryGetValue(Feature.CityCode.Name(), out city);
            golden.TryGetValue(Feature.CountyCode.Name(), out county);
        }
        else
        {
            var first = members.FirstOrDefault(m => m[Feature.ProvinceCode] is not null) ?? members[0];
            (province, city, county) = (first[Feature.ProvinceCode], first[Feature.CityCode], first[Feature.CountyCode]);
        }
        foreach (var region in Regions(province, city, county))
        {
            region.GoldenCustomers++;
            region.TransactionCents += cents;
        }
    }

    /// <summary>Counts one record into its system and the overall profile.</summary>
    private void Record(ProfileRow row)
    {
        var s = row.Standardized!;
        var q = _systems[row.System];
        foreach (var target in new[] { q, _overall })
        {
            var example = target == _overall ? row.System + " " + row.Key : row.Key;
            target.Records++;
            if (s.Kind == PartyKind.Person) target.Persons++; else target.Organizations++;
            target.TransactionCents += row.TransactionCents;
            for (var f = 0; f < ProfileField.All.Count; f++)
            {
                var field = ProfileField.All[f];
                if (!field.Applies(s.Kind)) continue;
                var c = target.Completeness[f];
                c.Applicable++;
                if ((row.PresentMask & (1 << f)) != 0) c.Present++;
                if (field.Usable(s)) c.Usable++;
                else if (c.MissingExamples.Count < _examples) c.MissingExamples.Add(example);
            }
            var seen = new HashSet<(string Field, string Code)>();
            foreach (var finding in s.Findings)
                if (seen.Add((finding.Field, finding.Code)))
                    Invalid(target, finding.Field, finding.Code).Add($"{example}: {finding.Message}", _examples);
            // An address with divisions but nothing below them cannot be delivered to: derived here, not a standardizer finding.
            if ((row.PresentMask & AddressMask) != 0 && s[Feature.AddressRemainder] is null
                && seen.Add((CanonicalField.Address, FindingDescriptions.NoStreet)))
                Invalid(target, CanonicalField.Address, FindingDescriptions.NoStreet).Add($"{example}: {s[Feature.Address] ?? "(no address text)"}", _examples);
            if (seen.Count == 0) continue;
            target.RecordsWithInvalidValues++;
            foreach (var field in seen.Select(x => x.Field).Distinct(StringComparer.Ordinal))
                target.RecordsWithInvalidField[field] = target.RecordsWithInvalidField.GetValueOrDefault(field) + 1;
        }
        foreach (var region in Regions(s[Feature.ProvinceCode], s[Feature.CityCode], s[Feature.CountyCode])) region.Records++;
    }

    private static readonly int AddressMask = 1 << ProfileField.All.ToList().FindIndex(f => f.Name == "address");

    private ProblemCount Invalid(SystemQuality target, string field, string code)
    {
        if (!_invalid.TryGetValue((target, field, code), out var p))
            _invalid[(target, field, code)] = p = new ProblemCount(field, code, FindingDescriptions.Describe(field, code));
        return p;
    }

    /// <summary>The province, city and county rows a customer counts into; unknown levels count into the "" row.</summary>
    private IEnumerable<RegionCount> Regions(string? province, string? city, string? county)
    {
        yield return Region(0, "province", province);
        yield return Region(1, "city", city);
        yield return Region(2, "county", county);
    }

    private const string PlaceholderCity = "市辖区";

    private RegionCount Region(int level, string levelName, string? code)
    {
        code ??= "";
        var regions = _regions[level];
        if (regions.TryGetValue(code, out var region)) return region;
        var division = code.Length == 0 ? null : _divisions.ByCode(code);
        string name = division?.Name ?? (code.Length == 0 ? "(not recognised)" : code), parent = "";
        if (division is not null)
        {
            var parents = new List<string>(2);
            for (var p = division.ParentCode is null ? null : _divisions.ByCode(division.ParentCode); p is not null;
                 p = p.ParentCode is null ? null : _divisions.ByCode(p.ParentCode))
                if (p.Name != PlaceholderCity) parents.Insert(0, p.Name);
            parent = string.Join(' ', parents);
            // A municipality's city level is the placeholder 市辖区: the reader knows it as the municipality (北京市).
            if (division.Name == PlaceholderCity && parents.Count == 1) (name, parent) = (parents[0], "");
        }
        var shown = division is null ? code : DivisionCatalog.ToGbt2260(division);
        regions[code] = region = new RegionCount(levelName, shown, name, parent);
        return region;
    }
}
