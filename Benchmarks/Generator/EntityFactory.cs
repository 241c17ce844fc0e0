using System.Globalization;
using Mdm.Benchmarks.Generator.ReferenceData;

namespace Mdm.Benchmarks.Generator;

/// <summary>
/// Draws the real customers: single Chinese persons, households (2-4 people sharing an address and a landline),
/// father/son pairs with the same full name, English-speaking expatriates and companies (with same-brand
/// companies in other cities and branches as hard negatives). Entities are made one unit at a time; only the
/// sets that keep identifiers unique and a small ring of recent companies are remembered.
/// </summary>
internal sealed class EntityFactory
{
    private static readonly string[] MobilePrefixes =
    [
        "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156",
        "157", "158", "159", "166", "176", "177", "178", "180", "181", "182", "183", "185", "186", "187", "188",
        "189", "191", "198", "199",
    ];

    private static readonly string[] ChineseEmailDomains =
        ["163.com", "qq.com", "126.com", "sina.com", "139.com", "foxmail.com", "hotmail.com", "gmail.com", "outlook.com", "sohu.com"];

    private static readonly int[] SurnameCumulative = RandomExtensions.Cumulative(ChineseNames.Surnames, s => s.Weight);
    private static readonly PopularGivenName[] PopularMale = Array.FindAll(ChineseNames.PopularGivenNames, n => n.Male);
    private static readonly PopularGivenName[] PopularFemale = Array.FindAll(ChineseNames.PopularGivenNames, n => !n.Male);
    private static readonly int[] PopularMaleCumulative = RandomExtensions.Cumulative(PopularMale, n => n.Weight);
    private static readonly int[] PopularFemaleCumulative = RandomExtensions.Cumulative(PopularFemale, n => n.Weight);
    private static readonly int[] LegalFormCumulative = RandomExtensions.Cumulative(CompanyNames.LegalForms, f => f.Weight);

    private readonly Random _random;
    private readonly HashSet<long> _idBodies = [];
    private readonly HashSet<long> _phones = [];
    private readonly HashSet<string> _emails = new(StringComparer.Ordinal);
    private readonly HashSet<string> _creditCodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _companyDomains = new(StringComparer.Ordinal);
    private readonly HashSet<int> _socialSecurityNumbers = [];
    private readonly Organization[] _recentCompanies = new Organization[256];
    private int _recentCompanyCount;
    private int _entityNumber;

    public EntityFactory(Random random) => _random = random;

    /// <summary>Appends the next unit (1-4 related entities, never more than <paramref name="maxEntities"/>).</summary>
    public void NextUnit(List<Entity> output, int maxEntities)
    {
        var r = _random.NextDouble();
        if (r < 0.165) output.Add(NewCompany());
        else if (r < 0.275) output.Add(NewEnglishPerson());
        else if (r < 0.325 && maxEntities >= 2) AddHousehold(output, Math.Min(maxEntities, 2 + _random.Next(3)));
        else if (r < 0.337 && maxEntities >= 2) AddFatherAndSon(output, maxEntities);
        else output.Add(NewSingleChinesePerson());
    }

    private string NextEntityId() => "E" + (++_entityNumber).ToString("D7", CultureInfo.InvariantCulture);

    // ---- persons ------------------------------------------------------------------------------------------

    private Person NewSingleChinesePerson()
    {
        var county = Divisions.Draw(_random);
        var male = _random.Chance(0.5);
        return NewChinesePerson(county, NewHomeAddress(county), male, NewBirth(1940, 2006, 1978, 14), DrawSurname(),
            given: null, landline: _random.Chance(0.1) ? NewLandline(county) : null, mobileChance: 0.97, mayHaveMoved: true);
    }

    private void AddHousehold(List<Entity> output, int size)
    {
        var county = Divisions.Draw(_random);
        var address = NewHomeAddress(county);
        var landline = NewLandline(county);
        var headBirth = NewBirth(1940, 1982, 1966, 10);
        var headSurname = DrawSurname();
        var head = NewChinesePerson(county, address, true, headBirth, headSurname, null, landline, 0.9, false);
        output.Add(head);
        var spouseYear = Math.Clamp(headBirth.Year + _random.Next(-2, 6), 1940, 1990);
        output.Add(NewChinesePerson(county, address, false, NewBirthInYear(spouseYear), DrawSurname(), null, landline, 0.85, false));
        for (var i = 2; i < size; i++)
        {
            var childYear = Math.Min(2006, headBirth.Year + 24 + _random.Next(11));
            output.Add(NewChinesePerson(county, address, _random.Chance(0.5), NewBirthInYear(childYear), headSurname, null, landline, 0.95, false));
        }
    }

    /// <summary>Same full name, same address, born 25-35 years apart, different ID cards (and often a mother).</summary>
    private void AddFatherAndSon(List<Entity> output, int maxEntities)
    {
        var county = Divisions.Draw(_random);
        var address = NewHomeAddress(county);
        var landline = _random.Chance(0.7) ? NewLandline(county) : null;
        var surname = DrawSurname();
        var given = NewGivenName(true);
        var fatherBirth = NewBirth(1940, 1976, 1958, 8);
        var sonYear = Math.Min(2006, fatherBirth.Year + 25 + _random.Next(11));
        output.Add(NewChinesePerson(county, address, true, fatherBirth, surname, given, landline, 0.8, false));
        output.Add(NewChinesePerson(county, address, true, NewBirthInYear(sonYear), surname, given, landline, 0.98, false));
        if (maxEntities >= 3 && _random.Chance(0.4))
        {
            var motherYear = Math.Clamp(fatherBirth.Year + _random.Next(-1, 5), 1940, 1980);
            output.Add(NewChinesePerson(county, address, false, NewBirthInYear(motherYear), DrawSurname(), null, landline, 0.8, false));
        }
    }

    private Person NewChinesePerson(County county, PostalAddress address, bool male, DateOnly birth, Surname surname,
        string? given, string? landline, double mobileChance, bool mayHaveMoved)
    {
        given ??= NewGivenName(male);
        var givenPinyin = new string[given.Length];
        for (var i = 0; i < given.Length; i++) givenPinyin[i] = ChineseNames.GivenCharPinyin[given[i]];
        // Most people live where their ID card was issued; some have moved from another county.
        var idCounty = _random.Chance(0.9) ? county : _random.Pick(Divisions.All);
        var mobile = _random.Chance(mobileChance) ? NewMobile() : null;
        var surnamePinyin = surname.Pinyin;
        return new Person
        {
            Id = NextEntityId(),
            IsEnglish = false,
            Male = male,
            Birth = birth,
            NationalId = NewIdCard(idCounty.Code, birth, male),
            Surname = surname.Chinese,
            Given = given,
            SurnamePinyin = surnamePinyin,
            GivenPinyin = givenPinyin,
            Address = address,
            OldAddress = mayHaveMoved && _random.Chance(0.08) ? NewOldAddress(county) : null,
            Mobile = mobile,
            Mobile2 = mobile is not null && _random.Chance(0.12) ? NewMobile() : null,
            Landline = landline,
            Email = _random.Chance(0.85) ? NewChineseEmail(surnamePinyin, givenPinyin, birth) : null,
        };
    }

    private Person NewEnglishPerson()
    {
        var county = Divisions.Draw(_random);
        var male = _random.Chance(0.5);
        var given = _random.Pick(male ? EnglishNames.MaleGiven : EnglishNames.FemaleGiven);
        var surname = _random.Pick(EnglishNames.Surnames);
        int ssn;
        do ssn = _random.Next(1_000_000, 10_000_000); while (!_socialSecurityNumbers.Add(ssn));
        return new Person
        {
            Id = NextEntityId(),
            IsEnglish = true,
            Male = male,
            Birth = NewBirth(1945, 2004, 1980, 12),
            NationalId = ssn.ToString(CultureInfo.InvariantCulture),
            Surname = surname,
            Given = given,
            Address = NewHomeAddress(county),
            OldAddress = _random.Chance(0.05) ? NewOldAddress(county) : null,
            Mobile = _random.Chance(0.95) ? NewMobile() : null,
            Email = _random.Chance(0.95) ? NewEnglishEmail(given, surname) : null,
        };
    }

    private Surname DrawSurname() => ChineseNames.Surnames[_random.PickWeighted(SurnameCumulative)];

    /// <summary>A third of people get one of the most common names; the rest a one- or two-character name from a wider pool.</summary>
    private string NewGivenName(bool male)
    {
        if (_random.Chance(0.35))
            return male ? PopularMale[_random.PickWeighted(PopularMaleCumulative)].Chinese
                        : PopularFemale[_random.PickWeighted(PopularFemaleCumulative)].Chinese;
        var pool = male ? ChineseNames.MaleChars : ChineseNames.FemaleChars;
        var first = _random.Pick(pool);
        if (_random.Chance(0.25)) return first.ToString();
        char second;
        do second = _random.Pick(pool); while (second == first);
        return string.Concat(first.ToString(), second.ToString());
    }

    private DateOnly NewBirth(int minYear, int maxYear, double meanYear, double sdYears) =>
        NewBirthInYear(Math.Clamp((int)Math.Round(meanYear + sdYears * _random.NextNormal()), minYear, maxYear));

    private DateOnly NewBirthInYear(int year) =>
        new DateOnly(year, 1, 1).AddDays(_random.Next(DateTime.IsLeapYear(year) ? 366 : 365));

    /// <summary>GB 11643: county code, birth date, sequence (odd for men), check character; never reused.</summary>
    private string NewIdCard(string countyCode, DateOnly birth, bool male)
    {
        Span<char> id = stackalloc char[18];
        countyCode.AsSpan().CopyTo(id);
        birth.TryFormat(id[6..14], out _, "yyyyMMdd", CultureInfo.InvariantCulture);
        while (true)
        {
            var sequence = _random.Next(1, 500) * 2 + (male ? 1 : 0);
            sequence.TryFormat(id[14..17], out _, "D3", CultureInfo.InvariantCulture);
            if (!_idBodies.Add(long.Parse(id[..17], CultureInfo.InvariantCulture))) continue;
            id[17] = ChineseIdentifiers.IdCardCheckChar(id[..17]);
            return new string(id);
        }
    }

    private string NewMobile()
    {
        while (true)
        {
            var prefix = _random.Pick(MobilePrefixes);
            var rest = _random.Next(0, 100_000_000);
            var number = long.Parse(prefix, CultureInfo.InvariantCulture) * 100_000_000L + rest;
            if (_phones.Add(number)) return number.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>"0755-87654321": the county's area code and a local number of the length its city uses.</summary>
    private string NewLandline(County county)
    {
        var area = long.Parse(county.AreaCode, CultureInfo.InvariantCulture);
        var seven = HasSevenDigitNumbers(county.AreaCode);
        while (true)
        {
            var local = _random.Next(20_000_000, 90_000_000);
            // Same draw for both lengths, so the rest of a seeded data set does not move.
            if (seven) local /= 10;
            if (_phones.Add(area * 1_000_000_000L + local))
                return county.AreaCode + "-" + local.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> SevenDigitAreas = new(StringComparer.Ordinal);

    /// <summary>Cities that still have 7-digit local numbers (Taiyuan 0351, Xiamen 0592), as libphonenumber knows them.</summary>
    private static bool HasSevenDigitNumbers(string areaCode) =>
        SevenDigitAreas.GetOrAdd(areaCode, a =>
            !Mdm.Engine.Standardization.Identifiers.PhoneNumber.Parse(a + "-23456789").IsValid
            && Mdm.Engine.Standardization.Identifiers.PhoneNumber.Parse(a + "-2345678").IsValid);

    private string NewChineseEmail(string surnamePinyin, string[] givenPinyin, DateOnly birth)
    {
        var sur = surnamePinyin.ToLowerInvariant().Replace('ü', 'v');
        var given = string.Concat(givenPinyin).Replace('ü', 'v');
        var domain = _random.Pick(ChineseEmailDomains);
        var form = _random.Next(5);
        if (form == 2) domain = "qq.com"; // QQ mail addresses are the QQ number
        var local = form switch
        {
            0 => sur + given + _random.Next(1, 100).ToString(CultureInfo.InvariantCulture),
            1 => given + "." + sur,
            2 => _random.Next(100_000, 2_000_000_000).ToString(CultureInfo.InvariantCulture),
            3 => string.Concat(sur.AsSpan(0, 1), given.AsSpan(0, 1)) + birth.Year.ToString(CultureInfo.InvariantCulture),
            _ => sur + given[0] + _random.Next(100, 1000).ToString(CultureInfo.InvariantCulture),
        };
        return UniqueEmail(local, domain);
    }

    private string NewEnglishEmail(string given, string surname)
    {
        var g = given.ToLowerInvariant();
        var s = surname.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal);
        var local = _random.Next(4) switch
        {
            0 => g + "." + s,
            1 => g[0] + s + _random.Next(10, 100).ToString(CultureInfo.InvariantCulture),
            2 => g + s,
            _ => g + "_" + s,
        };
        return UniqueEmail(local, _random.Pick(EnglishNames.EmailDomains));
    }

    private string UniqueEmail(string local, string domain)
    {
        var email = local + "@" + domain;
        while (!_emails.Add(email))
            email = local + _random.Next(1, 1000).ToString(CultureInfo.InvariantCulture) + "@" + domain;
        return email;
    }

    // ---- addresses ----------------------------------------------------------------------------------------

    private PostalAddress NewHomeAddress(County county)
    {
        var road = county.LocalRoads.Length > 0 && _random.Chance(0.6) ? _random.Pick(county.LocalRoads) : _random.Pick(Divisions.GenericRoads);
        Place? building = null;
        string? unitZh = null, unitEn = null;
        if (_random.Chance(0.65))
        {
            building = _random.Pick(Divisions.Compounds);
            NewFlat(out unitZh, out unitEn);
        }
        else if (_random.Chance(0.35))
        {
            NewFlat(out unitZh, out unitEn);
        }
        return new PostalAddress
        {
            County = county,
            Township = _random.Chance(0.85) ? _random.Pick(county.Townships) : null,
            Road = road,
            Number = 1 + _random.Next(_random.Chance(0.7) ? 120 : 900),
            Building = building,
            UnitChinese = unitZh,
            UnitEnglish = unitEn,
        };
    }

    private void NewFlat(out string chinese, out string english)
    {
        var floor = 1 + _random.Next(32);
        var room = floor.ToString(CultureInfo.InvariantCulture) + (1 + _random.Next(8)).ToString("D2", CultureInfo.InvariantCulture);
        var block = (1 + _random.Next(30)).ToString(CultureInfo.InvariantCulture);
        switch (_random.Next(4))
        {
            case 0:
                chinese = block + "栋" + room + "室";
                english = "Bldg " + block + ", Rm " + room;
                break;
            case 1:
                var unit = (1 + _random.Next(4)).ToString(CultureInfo.InvariantCulture);
                chinese = block + "栋" + unit + "单元" + room;
                english = "Bldg " + block + ", Unit " + unit + ", Rm " + room;
                break;
            case 2:
                var letter = (char)('A' + _random.Next(4));
                chinese = letter + "座" + room;
                english = "Block " + letter + ", Rm " + room;
                break;
            default:
                chinese = room + "室";
                english = "Apt " + room;
                break;
        }
    }

    private PostalAddress NewOfficeAddress(County county)
    {
        var road = county.LocalRoads.Length > 0 && _random.Chance(0.7) ? _random.Pick(county.LocalRoads) : _random.Pick(Divisions.GenericRoads);
        var floor = 1 + _random.Next(40);
        string unitZh, unitEn;
        if (_random.Chance(0.5))
        {
            unitZh = floor.ToString(CultureInfo.InvariantCulture) + "层";
            unitEn = floor.ToString(CultureInfo.InvariantCulture) + "F";
        }
        else NewFlat(out unitZh, out unitEn);
        return new PostalAddress
        {
            County = county,
            Township = _random.Chance(0.5) ? _random.Pick(county.Townships) : null,
            Road = road,
            Number = 1 + _random.Next(_random.Chance(0.6) ? 200 : 3000),
            Building = _random.Pick(Divisions.OfficeBuildings),
            UnitChinese = unitZh,
            UnitEnglish = unitEn,
        };
    }

    private PostalAddress NewOldAddress(County current) =>
        NewHomeAddress(_random.Chance(0.5) ? current : Divisions.Draw(_random));

    // ---- companies ----------------------------------------------------------------------------------------

    private Organization NewCompany()
    {
        var county = Divisions.Draw(_random);
        string brand, brandPinyin;
        Industry industry;
        string? branch = null;
        var r = _random.NextDouble();
        if (r < 0.15 && _recentCompanyCount > 0)
        {
            // Hard negative: the same brand and trade registered in another city is another company.
            var other = _recentCompanies[_random.Next(Math.Min(_recentCompanyCount, _recentCompanies.Length))];
            brand = other.Brand;
            brandPinyin = other.BrandPinyin;
            industry = other.Industry;
            while (CityPrefixOf(county).Prefix == other.CityPrefix) county = Divisions.Draw(_random);
        }
        else if (r < 0.18 && _recentCompanyCount > 0)
        {
            // Hard negative: a branch (分公司) has the parent's name plus a suffix and its own credit code.
            var parent = _recentCompanies[_random.Next(Math.Min(_recentCompanyCount, _recentCompanies.Length))];
            brand = parent.Brand;
            brandPinyin = parent.BrandPinyin;
            industry = parent.Industry;
            county = parent.Address.County;
            branch = county.NameShort + "分公司";
            return BuildCompany(county, brand, brandPinyin, industry, parent.LegalForm, parent.LegalFormEnglish, branch);
        }
        else
        {
            var (c1, p1) = _random.Pick(CompanyNames.BrandFirst);
            (char c2, string p2) second;
            do second = _random.Pick(CompanyNames.BrandSecond); while (second.Item1 == c1);
            brand = string.Concat(c1.ToString(), second.Item1.ToString());
            brandPinyin = p1 + second.Item2;
            industry = _random.Pick(CompanyNames.Industries);
        }
        var form = CompanyNames.LegalForms[_random.PickWeighted(LegalFormCumulative)];
        var company = BuildCompany(county, brand, brandPinyin, industry, form.Chinese, form.English, branch);
        _recentCompanies[_recentCompanyCount++ % _recentCompanies.Length] = company;
        return company;
    }

    private Organization BuildCompany(County county, string brand, string brandPinyin, Industry industry, string form, string formEnglish, string? branch)
    {
        var (prefix, prefixEnglish, municipality) = CityPrefixOf(county);
        return new Organization
        {
            Id = NextEntityId(),
            Brand = brand,
            BrandPinyin = brandPinyin,
            Industry = industry,
            LegalForm = form,
            LegalFormEnglish = formEnglish,
            CityPrefix = prefix,
            CityPrefixEnglish = prefixEnglish,
            PrefixIsMunicipality = municipality,
            BranchSuffix = branch,
            CreditCode = NewCreditCode(county),
            Address = NewOfficeAddress(county),
            Landline = NewLandline(county),
            Mobile = _random.Chance(0.3) ? NewMobile() : null,
            Email = _random.Chance(0.7) ? NewCompanyEmail(brandPinyin, industry, prefixEnglish) : null,
        };
    }

    /// <summary>Companies in a county-level city are registered under it (昆山市…), elsewhere under the prefecture city.</summary>
    private static (string Prefix, string English, bool Municipality) CityPrefixOf(County county)
    {
        if (county.Name.EndsWith('市') && !county.IsCityWithoutDistricts) return (county.NameShort, county.English, false);
        return (county.CityShort, county.CityEnglish, county.IsMunicipality);
    }

    /// <summary>Unified social credit code: 9 (market regulator) 1/2 (enterprise/sole trader), county, organization code, check.</summary>
    private string NewCreditCode(County county)
    {
        Span<char> code = stackalloc char[18];
        while (true)
        {
            code[0] = '9';
            code[1] = _random.Chance(0.9) ? '1' : '2';
            county.Code.AsSpan().CopyTo(code[2..8]);
            if (_random.Chance(0.6))
            {
                code[8] = 'M';
                code[9] = 'A';
                for (var i = 10; i < 16; i++)
                    code[i] = ChineseIdentifiers.CreditCodeAlphabet[_random.Next(_random.Chance(0.8) ? 10 : 31)];
            }
            else
            {
                for (var i = 8; i < 16; i++) code[i] = (char)('0' + _random.Next(10));
            }
            code[16] = ChineseIdentifiers.OrganizationCodeCheckChar(code[8..16]);
            code[17] = ChineseIdentifiers.CreditCodeCheckChar(code[..17]);
            var text = new string(code);
            if (_creditCodes.Add(text)) return text;
        }
    }

    private string NewCompanyEmail(string brandPinyin, Industry industry, string cityEnglish)
    {
        var domain = brandPinyin + industry.Slug;
        if (_companyDomains.Contains(domain)) domain = brandPinyin + cityEnglish.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal);
        while (!_companyDomains.Add(domain)) domain = brandPinyin + industry.Slug + _random.Next(10, 100).ToString(CultureInfo.InvariantCulture);
        var tld = _random.Next(3) switch { 0 => ".com", 1 => ".cn", _ => ".com.cn" };
        return _random.Pick(CompanyNames.MailboxNames) + "@" + domain + tld;
    }
}
