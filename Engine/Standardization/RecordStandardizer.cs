using Mdm.Engine.Quality;
using Mdm.Engine.Records;
using Mdm.Engine.Standardization.Addresses;
using Mdm.Engine.Standardization.Companies;
using Mdm.Engine.Standardization.Identifiers;
using Mdm.Engine.Standardization.Names;
using Mdm.Engine.Standardization.Text;
using Mdm.Engine.Storage;

namespace Mdm.Engine.Standardization;

/// <summary>
/// Turns a <see cref="SourceRecord"/> into comparable <see cref="Feature"/> values: text folded to half-width and
/// simplified script, names split (compound surnames) with pinyin keys, identifiers validated (invalid ones become quality
/// findings and are not used as evidence), phones in E.164 (national numbers read in the source's country), addresses mapped to GB/T 2260 divisions, company names reduced
/// to their core. Stateless and thread-safe: batch calls it from all cores, real time from request threads.
/// </summary>
public sealed class RecordStandardizer
{
    private readonly ChineseScript _script = ChineseScript.Default;
    private readonly PinyinTable _pinyin = PinyinTable.Default;
    private readonly AddressParser _addresses = AddressParser.Default;

    public StandardizedRecord Standardize(SourceRecord source, SystemProfile? profile = null)
    {
        var record = new StandardizedRecord(source.System, source.Key, EffectiveKind(source, profile))
        {
            UpdatedAt = source.UpdatedAt,
            Trust = profile?.Trust ?? 50,
        };
        List<QualityFinding>? findings = null;
        void Finding(QualityFinding? f)
        {
            if (f is not null) (findings ??= []).Add(f);
        }
        foreach (var f in source.ReadFindings) Finding(f); // what the connector cleaned: reported with the rest

        if (record.Kind == PartyKind.Person) StandardizePerson(source, record);
        else StandardizeOrganization(source, record);

        // Identifiers: a Chinese ID card is validated; anything else shaped like an identifier is kept as "other:".
        var idRaw = source[CanonicalField.NationalId];
        NationalIdResult? id = null;
        if (idRaw is not null)
        {
            var compact = Compact(idRaw);
            // An organization's 18 characters are a credit code, which may be all digits like an ID card; only when
            // its check character fails and it reads as an ID card is it one (a sole proprietor's).
            var creditCode = record.Kind == PartyKind.Organization && compact.Length == 18 ? CreditCode.Parse(idRaw) : null;
            if (creditCode is not null && (creditCode.IsValid || !LooksLikeResidentId(compact)))
            {
                record[Feature.CreditCode] = creditCode.IsValid ? creditCode.Normalized : null;
                Finding(creditCode.Finding);
            }
            else if (LooksLikeResidentId(compact))
            {
                id = NationalId.Parse(idRaw);
                record[Feature.NationalId] = id.IsValid ? id.Normalized18 : null;
                record[Feature.NationalIdValidated] = record[Feature.NationalId];
                Finding(id.Finding);
            }
            else if (compact.Length >= 4)
            {
                record[Feature.NationalId] = "other:" + compact;
                record[Feature.NationalIdUnvalidated] = record[Feature.NationalId];
            }
        }
        if (source[CanonicalField.CreditCode] is { } ccRaw)
        {
            var cc = CreditCode.Parse(ccRaw);
            record[Feature.CreditCode] = cc.IsValid ? cc.Normalized : record[Feature.CreditCode];
            Finding(cc.Finding);
        }

        if (source[CanonicalField.BirthDate] is { } birthRaw)
        {
            string? format = null;
            profile?.FieldFormats.TryGetValue(CanonicalField.BirthDate, out format);
            var d = DateParsing.Parse(birthRaw, format);
            if (d.Value is { } date) record[Feature.BirthDate] = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Finding(d.Finding);
        }
        if (source[CanonicalField.Gender] is { } genderRaw)
        {
            var sex = GenderParsing.Parse(genderRaw, out var gf);
            record[Feature.Gender] = SexCode(sex);
            Finding(gf);
        }
        if (id is { IsValid: true })
        {
            // The ID card carries birth date and sex: fill them in, and say so when the record contradicts its own ID.
            var fromId = id.BirthDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if (record[Feature.BirthDate] is null) record[Feature.BirthDate] = fromId;
            else if (fromId is not null && fromId != record[Feature.BirthDate])
                Finding(new QualityFinding(CanonicalField.BirthDate, "contradicts_id", $"birth date {record[Feature.BirthDate]} but ID card says {fromId}"));
            var sexFromId = SexCode(id.Sex);
            if (record[Feature.Gender] is null) record[Feature.Gender] = sexFromId;
            else if (sexFromId is not null && sexFromId != record[Feature.Gender])
                Finding(new QualityFinding(CanonicalField.Gender, "contradicts_id", $"gender {record[Feature.Gender]} but ID card says {sexFromId}"));
        }

        if (source[CanonicalField.Phone] is { } phoneRaw)
        {
            var phones = PhoneNumber.ParseMany(phoneRaw, profile?.Country ?? PhoneNumber.DefaultCountry);
            string? joined = null;
            if (phones.Count == 1 && phones[0].IsValid) joined = phones[0].E164;
            else if (phones.Count > 1)
            {
                var set = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var p in phones) if (p.IsValid && p.E164 is not null) set.Add(p.E164);
                if (set.Count > 0) joined = string.Join(' ', set);
            }
            foreach (var p in phones) Finding(p.Finding);
            record[Feature.Phones] = joined;
        }
        if (source[CanonicalField.Email] is { } emailRaw)
        {
            var e = EmailAddress.Parse(emailRaw);
            record[Feature.Email] = e.IsValid ? e.Normalized : null;
            Finding(e.Finding);
        }

        StandardizeAddress(source, record, profile, Finding);

        if (findings is not null) record.Findings = findings.ToArray();
        return record;
    }

    private static readonly string[] OrganizationWords =
        ["公司", "集团", "实业", "银行", "医院", "学校", "大学", "学院", "研究院", "研究所", "事务所", "合作社", "商行", "工作室", "酒店", "超市", "药房", "厂",
         "工程", "投资", "商贸", "贸易", "医药", "房地产", "置业", "物流", "科技", "咨询", "装饰", "餐饮", "传媒"];

    /// <summary>
    /// The kind the source declared, unless it declared none (persons by default) and the name is plainly an
    /// organization's: a legal form (有限公司, Co., Ltd.), an organization word, or a Han name longer than a person's
    /// (Chinese personal names are at most four characters; longer minority names carry a middle dot).
    /// </summary>
    private PartyKind EffectiveKind(SourceRecord source, SystemProfile? profile)
    {
        if (source.Kind == PartyKind.Organization || profile?.KindDeclared == true) return source.Kind;
        if (source[CanonicalField.CompanyName] is not null || source[CanonicalField.CreditCode] is not null) return PartyKind.Organization;
        // A unified social credit code whose GB 32100 check character holds, in the identifier column, is validated
        // evidence of an organization (华纳电子 with 91310105MA96E4356M), whatever its short name looks like.
        if (source[CanonicalField.NationalId] is { } id && Compact(id) is { Length: 18 } compact && !LooksLikeResidentId(compact)
            && CreditCode.Parse(compact).IsValid) return PartyKind.Organization;
        var name = source[CanonicalField.Name];
        if (name is null || name.Length < 4) return source.Kind;
        var folded = TextNormalizer.Fold(name);
        if (TextNormalizer.ContainsHan(folded))
        {
            foreach (var w in OrganizationWords)
                if (folded.Contains(w, StringComparison.Ordinal)) return PartyKind.Organization;
            var han = 0;
            foreach (var c in folded)
            {
                if (c is '·' or '•' or '．' or '.') return source.Kind;
                if (TextNormalizer.IsHan(c)) han++;
            }
            return han >= 5 ? PartyKind.Organization : source.Kind;
        }
        return CompanyNameParser.Parse(folded)?.LegalForm is not null ? PartyKind.Organization : source.Kind;
    }

    private void StandardizePerson(SourceRecord source, StandardizedRecord record)
    {
        var name = PersonNameParser.Parse(source[CanonicalField.Name], source[CanonicalField.FamilyName], source[CanonicalField.GivenName]);
        if (name is null) return;
        record[Feature.Name] = name.Full;
        record[Feature.FamilyName] = name.Family;
        record[Feature.GivenName] = name.Given;
        record[Feature.NamePinyin] = name.PinyinFull;
        record[Feature.NamePinyinKey] = name.PinyinSortedKey;
    }

    private void StandardizeOrganization(SourceRecord source, StandardizedRecord record)
    {
        var raw = source[CanonicalField.CompanyName] ?? source[CanonicalField.Name];
        if (raw is null) return;
        var company = CompanyNameParser.Parse(_script.ToSimplified(TextNormalizer.Fold(raw)));
        if (company is null) return;
        record[Feature.Name] = company.Normalized;
        record[Feature.CompanyCore] = company.Core;
        record[Feature.CompanyRegion] = company.RegionCode;
        record[Feature.CompanyBranch] = company.IsBranch ? "branch" : "main";
        // Pinyin of the core finds the same company written with a homophone or in another script.
        if (company.Core.Length > 0)
            record[Feature.NamePinyinKey] = TextNormalizer.ContainsHan(company.Core) ? _pinyin.ToPinyin(company.Core, separator: "") : company.Core;
        record[Feature.CompanyBrand] = CompanyBrand(company.Core);
    }

    private string? CompanyBrand(string core)
    {
        if (TextNormalizer.ContainsHan(core))
        {
            if (core.Length < 2 || !TextNormalizer.IsHan(core[0]) || !TextNormalizer.IsHan(core[1])) return null;
            return _pinyin.ToPinyin(core.AsSpan(0, 2), separator: "");
        }
        var space = core.IndexOf(' ');
        var first = space < 0 ? core : core[..space];
        return first.Length >= 4 ? first : null;
    }

    private void StandardizeAddress(SourceRecord source, StandardizedRecord record, SystemProfile? profile, Action<QualityFinding?> finding)
    {
        var address = Clean(source[CanonicalField.Address]);
        var province = Clean(source[CanonicalField.Province]);
        var city = Clean(source[CanonicalField.City]);
        var district = Clean(source[CanonicalField.District]);
        var postcode = Clean(source[CanonicalField.Postcode]);
        if (address is null && province is null && city is null && district is null && postcode is null) return;
        var parsed = _addresses.Parse(address, province, city, district, postcode, profile?.Country);
        if (parsed is null) return;
        record[Feature.ProvinceCode] = parsed.ProvinceCode;
        record[Feature.CityCode] = parsed.CityCode;
        record[Feature.CountyCode] = parsed.CountyCode;
        record[Feature.TownshipCode] = parsed.TownshipCode;
        record[Feature.AddressRemainder] = parsed.Remainder;
        record[Feature.Address] = parsed.Normalized;
        record[Feature.Postcode] = parsed.Postcode;
        var (streetName, streetNumber) = StreetKey.Parse(parsed.Remainder);
        if (streetName is not null && streetNumber is not null)
        {
            record[Feature.StreetName] = streetName;
            record[Feature.StreetNumber] = streetNumber;
        }
        if (parsed.IsChinese && parsed.CountyCode is null)
        {
            finding(new QualityFinding(CanonicalField.Address, parsed.ProvinceCode is null ? "unresolved_division" : "incomplete_division",
                parsed.ProvinceCode is null
                    ? $"no province, city or county recognised in '{Truncate(address ?? district ?? city ?? province)}'"
                    : $"county/district not recognised in '{Truncate(address ?? district ?? city)}'"));
        }
    }

    private string? Clean(string? raw)
    {
        if (raw is null) return null;
        var folded = TextNormalizer.Fold(raw);
        if (folded.Length == 0) return null;
        return _script.ToSimplified(folded);
    }

    private static string Truncate(string? s) => s is null ? "" : s.Length <= 60 ? s : s[..60] + "…";

    private static string? SexCode(Sex sex) => sex switch { Sex.Male => "m", Sex.Female => "f", _ => null };

    private static string Compact(string raw)
    {
        Span<char> buffer = raw.Length <= 64 ? stackalloc char[raw.Length] : new char[raw.Length];
        var n = 0;
        foreach (var ch in raw)
        {
            var c = ch is >= '\uFF01' and <= '\uFF5E' ? (char)(ch - 0xFEE0) : ch;
            if (char.IsAsciiLetterOrDigit(c)) buffer[n++] = char.ToUpperInvariant(c);
        }
        return new string(buffer[..n]);
    }

    /// <summary>15 digits, or 17 digits and a digit or X: the shape of a mainland resident ID.</summary>
    private static bool LooksLikeResidentId(string compact)
    {
        if (compact.Length == 15) return compact.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0;
        if (compact.Length != 18) return false;
        return compact.AsSpan(0, 17).IndexOfAnyExceptInRange('0', '9') < 0 && (char.IsAsciiDigit(compact[17]) || compact[17] == 'X');
    }
}
