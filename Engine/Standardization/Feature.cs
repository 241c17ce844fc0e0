namespace Mdm.Engine.Standardization;

/// <summary>
/// The comparable values standardization produces. Comparisons and blocking rules name these in configuration
/// (snake_case, e.g. "name_pinyin_key"), so a new feature needs a member here and a line in the standardizer, never a scorer change.
/// </summary>
public enum Feature
{
    /// <summary>Person: simplified Han without spaces, or lower-case Latin; organization: normalized company name.</summary>
    Name,
    /// <summary>Toneless pinyin of family+given in parsed order, no spaces ("zhangwei"): equal for homophones 张伟/张玮.</summary>
    NamePinyin,
    /// <summary>Order-insensitive pinyin key ("wei zhang"): equal for 张伟, "Zhang Wei", "WEI ZHANG", "Zhang, Wei".</summary>
    NamePinyinKey,
    FamilyName,
    GivenName,
    /// <summary>yyyy-MM-dd.</summary>
    BirthDate,
    /// <summary>"m" or "f".</summary>
    Gender,
    /// <summary>Valid 18-char mainland ID, or "other:" + normalized foreign/other identifier; invalid Chinese IDs are absent.</summary>
    NationalId,
    /// <summary>Valid phones in E.164, sorted, space-separated (multi-valued).</summary>
    Phones,
    Email,
    ProvinceCode,
    CityCode,
    CountyCode,
    TownshipCode,
    /// <summary>Road, number, building, room after the divisions (or the normalized English street part).</summary>
    AddressRemainder,
    /// <summary>Whole canonical address text.</summary>
    Address,
    Postcode,
    /// <summary>Company name without legal form and region.</summary>
    CompanyCore,
    /// <summary>Division code of the region named in a company name.</summary>
    CompanyRegion,
    CreditCode,
    /// <summary>
    /// Pinyin of the first two characters of a Han company core (the trade name, 字号: 泰辉医药 → "taihui"), or the first
    /// word of a Latin core ("taihui pharmaceutical" → "taihui"): a company's Chinese and English names share it.
    /// </summary>
    CompanyBrand,
    /// <summary>"branch" for a branch office (分公司, 支行 …), "main" otherwise: a branch and its head office are different parties.</summary>
    CompanyBranch,
    /// <summary>Road name in toneless pinyin without its type, direction as one letter ("xinhua s"): 新华南路 = "Xinhua South Road".</summary>
    StreetName,
    /// <summary>House number on that road ("69").</summary>
    StreetNumber,
    /// <summary>The system the record came from: two records of one system disagree in ways records of two systems do not.</summary>
    SourceSystem,
    /// <summary>
    /// The national ID when it is validated by its check character (a GB 11643 ID card): only a disagreement between two
    /// such IDs is evidence strong enough to rule a match out; any other identifier may differ by a clerk's typo.
    /// </summary>
    NationalIdValidated,
    /// <summary>The national ID when nothing validates it (no check character): it may carry a clerk's typo.</summary>
    NationalIdUnvalidated,
}

public static class FeatureNames
{
    private static readonly string[] Names = BuildNames();
    private static readonly Dictionary<string, Feature> ByName = BuildLookup();

    public static int Count => Names.Length;

    /// <summary>Features that hold several space-separated values (each value blocks and compares on its own).</summary>
    public static bool IsMultiValued(this Feature feature) => feature == Feature.Phones;

    public static string Name(this Feature feature) => Names[(int)feature];

    public static Feature Parse(string name) =>
        ByName.TryGetValue(name, out var f)
            ? f
            : throw new FormatException($"unknown feature '{name}'; known: {string.Join(", ", Names)}");

    private static string[] BuildNames()
    {
        var values = Enum.GetValues<Feature>();
        var names = new string[values.Length];
        foreach (var v in values)
        {
            var s = v.ToString();
            var sb = new System.Text.StringBuilder(s.Length + 4);
            for (var i = 0; i < s.Length; i++)
            {
                if (char.IsUpper(s[i]) && i > 0) sb.Append('_');
                sb.Append(char.ToLowerInvariant(s[i]));
            }
            names[(int)v] = sb.ToString();
        }
        return names;
    }

    private static Dictionary<string, Feature> BuildLookup()
    {
        var d = new Dictionary<string, Feature>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Names.Length; i++) d[Names[i]] = (Feature)i;
        return d;
    }
}
