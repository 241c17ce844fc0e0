using Lucene.Net.Documents;
using Mdm.Engine.Records;
using Mdm.Engine.Search.Analysis;
using Mdm.Engine.Standardization;
using Mdm.Engine.Standardization.Addresses;
using Mdm.Engine.Standardization.Text;

namespace Mdm.Engine.Search;

/// <summary>
/// Builds one search document per golden customer from its member records as standardization left them: every phone
/// any system knows (E.164), every ID number, every name and address. Members rather than the golden record's surviving
/// values, because a caller may give the number or the spelling of any one system, not the one survivorship kept.
/// </summary>
internal static class CustomerDocuments
{
    public const string GoldenIdField = "gid";
    public const string KindField = "kind";
    public const string PhoneField = "phone";
    public const string IdField = "id";
    public const string NameExactField = "name_exact";
    public const string CityField = "city";
    public const string DisplayField = "display";

    /// <summary>Exact-match key of an ID number: folded (full-width digits), without spaces or dashes, upper case (x → X).</summary>
    public static string IdKey(string value)
    {
        var folded = TextNormalizer.Fold(value);
        if (folded.StartsWith("other:", StringComparison.Ordinal)) folded = folded[6..];
        var chars = new char[folded.Length];
        var n = 0;
        foreach (var c in folded) if (char.IsAsciiLetterOrDigit(c)) chars[n++] = char.ToUpperInvariant(c);
        return new string(chars, 0, n);
    }

    /// <summary>Exact-match key of a full name: normalized, without spaces.</summary>
    public static string NameKey(string value) => SearchText.Normalize(value).Replace(" ", "", StringComparison.Ordinal);

    public static Document Build(string goldenId, IReadOnlyList<StandardizedRecord> members)
    {
        var doc = new Document { new StringField(GoldenIdField, goldenId, Field.Store.YES) };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string field, string value, Func<string, string, Field> make)
        {
            if (value.Length > 0 && seen.Add(field + "\u0001" + value)) doc.Add(make(field, value));
        }
        static Field Keyword(string f, string v) => new StringField(f, v, Field.Store.NO);
        static Field Text(string f, string v) => new TextField(f, v, Field.Store.NO);
        var kind = members.Count > 0 && members[0].Kind == PartyKind.Organization ? "organization" : "person";
        doc.Add(new StringField(KindField, kind, Field.Store.YES));
        foreach (var r in members)
        {
            if (r[Feature.Phones] is { } phones)
                foreach (var p in phones.Split(' ', StringSplitOptions.RemoveEmptyEntries)) Add(PhoneField, p, Keyword);
            if (r[Feature.NationalId] is { } nid) Add(IdField, IdKey(nid), Keyword);
            if (r[Feature.CreditCode] is { } cc) Add(IdField, IdKey(cc), Keyword);
            if (r[Feature.Name] is { } name)
            {
                Add(SearchAnalyzers.NameField, name, Text);
                Add(NameExactField, NameKey(name), Keyword);
                if (seen.Add("display\u0001" + name)) doc.Add(new StoredField(DisplayField, name));
            }
            if (r.Kind == PartyKind.Person && r[Feature.NamePinyinKey] is { } py) Add(NameExactField, "py:" + py, Keyword);
            if (r[Feature.Address] is { } address)
            {
                Add(SearchAnalyzers.AddressWordField, address, Text);
                Add(SearchAnalyzers.AddressGramField, address, Text);
            }
            AddDivisions(r, (field, value) => Add(field, value, field == CityField ? Keyword : Text));
        }
        return doc;
    }

    /// <summary>Province, city and county names, long and short, as address words and as city-filter terms.</summary>
    private static void AddDivisions(StandardizedRecord r, Action<string, string> add)
    {
        var catalog = DivisionCatalog.Default;
        var province = r[Feature.ProvinceCode];
        foreach (var (code, level) in new[] { (province, 1), (r[Feature.CityCode], 2), (r[Feature.CountyCode], 3) })
        {
            if (code is null || catalog.ByCode(code) is not { } division) continue;
            // Municipalities' second level is 市辖区 or 县: no name anyone types; their city is the province (北京市).
            if (division.Name is "市辖区" or "县" or "省直辖县级行政区划" or "自治区直辖县级行政区划") continue;
            var names = new List<string> { division.Name };
            names.AddRange(DivisionNames.Abbreviations(level, division.Name));
            var isCity = level > 1 || province is "11" or "12" or "31" or "50";
            foreach (var n in names)
            {
                add(SearchAnalyzers.AddressWordField, n);
                if (isCity) add(CityField, n);
            }
        }
    }
}
