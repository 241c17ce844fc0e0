using System.Globalization;
using System.Text;
using Mdm.Benchmarks.Generator.ReferenceData;

namespace Mdm.Benchmarks.Generator;

/// <summary>How much of a Chinese address a clerk wrote.</summary>
internal enum ChineseAddressStyle
{
    /// <summary>广东省深圳市南山区粤海街道科技园路12号…</summary>
    Full,
    /// <summary>深圳市南山区粤海街道科技园路12号… (province omitted, very common)</summary>
    NoProvince,
    /// <summary>广东省深圳市南山区科技园路12号… (township omitted)</summary>
    NoTownship,
    /// <summary>深圳南山科技园路12号… (suffixes 省/市/区 dropped, province and township omitted)</summary>
    Abbreviated,
}

/// <summary>The ways systems render the same value: address styles, phone formats, romanized names, typos.</summary>
internal static class TextForms
{
    public static string ToFullWidthDigits(string s)
    {
        return string.Create(s.Length, s, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsAsciiDigit(c) ? (char)('０' + (c - '0')) : c;
            }
        });
    }

    public static void AppendChineseAddress(StringBuilder sb, PostalAddress a, ChineseAddressStyle style)
    {
        var c = a.County;
        var countyLevelCity = c.Name.EndsWith('市') && !c.IsCityWithoutDistricts;
        if (style == ChineseAddressStyle.Abbreviated)
        {
            // 深圳南山…, 北京朝阳…, 昆山… (a county-level city stands alone), 东莞…
            if (!countyLevelCity) sb.Append(c.CityShort);
            if (!c.IsCityWithoutDistricts) sb.Append(c.NameShort);
        }
        else
        {
            var province = style != ChineseAddressStyle.NoProvince;
            if (province && !c.IsMunicipality) sb.Append(c.Province);
            // People usually skip the prefecture in front of a county-level city unless writing everything out.
            if (!countyLevelCity || province) sb.Append(c.City);
            if (!c.IsCityWithoutDistricts) sb.Append(c.Name);
            if (style != ChineseAddressStyle.NoTownship && a.Township is not null) sb.Append(a.Township);
        }
        AppendChineseStreet(sb, a, township: false);
    }

    /// <summary>Township (optional), road, number and flat: 粤海街道科技园路12号阳光花园3栋1202室.</summary>
    public static void AppendChineseStreet(StringBuilder sb, PostalAddress a, bool township)
    {
        if (township && a.Township is not null) sb.Append(a.Township);
        sb.Append(a.Road.Chinese).Append(a.Number).Append('号');
        if (a.Building is not null) sb.Append(a.Building.Chinese);
        if (a.UnitChinese is not null) sb.Append(a.UnitChinese);
    }

    /// <summary>"12 Shennan Avenue, Sunshine Garden, Bldg 3, Rm 1202, Nanshan District, Shenzhen[, Guangdong 518000]".</summary>
    public static void AppendEnglishAddress(StringBuilder sb, PostalAddress a, bool unitFirst, bool provinceAndPostcode)
    {
        var c = a.County;
        if (unitFirst && a.UnitEnglish is not null) sb.Append(a.UnitEnglish).Append(", ");
        if (unitFirst && a.Building is not null) sb.Append(a.Building.English).Append(", ");
        sb.Append(a.Number).Append(' ').Append(a.Road.English);
        if (!unitFirst && a.Building is not null) sb.Append(", ").Append(a.Building.English);
        if (!unitFirst && a.UnitEnglish is not null) sb.Append(", ").Append(a.UnitEnglish);
        if (!c.IsCityWithoutDistricts && c.English != c.CityEnglish) sb.Append(", ").Append(c.English);
        sb.Append(", ").Append(c.CityEnglish);
        if (provinceAndPostcode)
        {
            if (!c.IsMunicipality) sb.Append(", ").Append(c.ProvinceEnglish);
            sb.Append(' ').Append(c.Postcode);
        }
    }

    // ---- phones -------------------------------------------------------------------------------------------

    /// <summary>Mobile formats: 0 plain, 1 "138 1234 5678", 2 "138-1234-5678", 3 "+8613812345678", 4 "+86 138 1234 5678", 5 "86-138-1234-5678".</summary>
    public static string FormatMobile(string mobile, int format) => format switch
    {
        1 => mobile[..3] + " " + mobile[3..7] + " " + mobile[7..],
        2 => mobile[..3] + "-" + mobile[3..7] + "-" + mobile[7..],
        3 => "+86" + mobile,
        4 => "+86 " + mobile[..3] + " " + mobile[3..7] + " " + mobile[7..],
        5 => "86-" + mobile[..3] + "-" + mobile[3..7] + "-" + mobile[7..],
        _ => mobile,
    };

    /// <summary>Landline formats of "0755-87654321": 0 as is, 1 "(0755)87654321", 2 "075587654321", 3 "+86 755 8765 4321".</summary>
    public static string FormatLandline(string landline, int format)
    {
        var dash = landline.IndexOf('-');
        var area = landline[..dash];
        var local = landline[(dash + 1)..];
        return format switch
        {
            1 => "(" + area + ")" + local,
            2 => area + local,
            3 => "+86 " + area[1..] + " " + local[..4] + " " + local[4..],
            _ => landline,
        };
    }

    // ---- names --------------------------------------------------------------------------------------------

    /// <summary>Replaces one character with a homophone a pinyin input method offers (伟→玮); given-name characters first.</summary>
    public static string ChineseTypo(Random random, string surname, string given)
    {
        var name = surname + given;
        Span<int> candidates = stackalloc int[name.Length];
        var n = 0;
        var fromSurname = random.Chance(0.2);
        var start = fromSurname ? 0 : surname.Length;
        var end = fromSurname ? surname.Length : name.Length;
        for (var i = start; i < end; i++) if (ChineseNames.Homophones.ContainsKey(name[i])) candidates[n++] = i;
        if (n == 0)
        {
            for (var i = 0; i < name.Length; i++) if (ChineseNames.Homophones.ContainsKey(name[i])) candidates[n++] = i;
            if (n == 0) return name;
        }
        var at = candidates[random.Next(n)];
        var replacement = random.Pick(ChineseNames.Homophones[name[at]]);
        return string.Create(name.Length, (name, at, replacement), static (span, s) =>
        {
            s.name.AsSpan().CopyTo(span);
            span[s.at] = s.replacement;
        });
    }

    /// <summary>
    /// A romanized Chinese name as CRM clerks and web forms write it: "Zhang Wei", "WEI ZHANG", "Zhang, Wei",
    /// "Zhang Xiu Ying", "Xiu-Ying Zhang"; ü as v, yu or u.
    /// </summary>
    public static string PinyinName(Random random, Person p)
    {
        var sur = RomanizeU(random, p.SurnamePinyin!);
        var parts = p.GivenPinyin!;
        string given;
        if (parts.Length == 1) given = Capitalize(parts[0]);
        else
        {
            var separator = random.Next(100) switch { < 70 => "", < 85 => " ", _ => "-" };
            given = Capitalize(parts[0]) + separator + (separator.Length == 0 ? parts[1] : Capitalize(parts[1]));
        }
        given = RomanizeU(random, given);
        return random.Next(100) switch
        {
            < 35 => sur + " " + given,
            < 55 => given + " " + sur,
            < 65 => sur.ToUpperInvariant() + " " + given,
            < 75 => given.ToUpperInvariant() + " " + sur.ToUpperInvariant(),
            < 85 => sur + ", " + given,
            < 90 => sur.ToLowerInvariant() + " " + given.ToLowerInvariant(),
            _ => sur.ToUpperInvariant() + " " + given.ToUpperInvariant(),
        };
    }

    /// <summary>Lowercase pinyin as FEBRL-style systems store it: ("wei", "zhang"), ("xiuying", "ouyang").</summary>
    public static (string Given, string Surname) PinyinParts(Person p) =>
        (string.Concat(p.GivenPinyin!).Replace('ü', 'v'), p.SurnamePinyin!.ToLowerInvariant().Replace('ü', 'v'));

    private static string RomanizeU(Random random, string s)
    {
        if (!s.Contains('ü')) return s;
        return s.Replace("ü", random.Next(3) switch { 0 => "v", 1 => "yu", _ => "u" }, StringComparison.Ordinal);
    }

    public static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>FEBRL-style keying error: transposition, deletion, keyboard-neighbour substitution or insertion.</summary>
    public static string EnglishTypo(Random random, string s)
    {
        if (s.Length < 3) return s;
        var sb = new StringBuilder(s);
        var i = 1 + random.Next(s.Length - 2);
        switch (random.Next(4))
        {
            case 0:
                (sb[i], sb[i + 1]) = (sb[i + 1], sb[i]);
                break;
            case 1:
                sb.Remove(i, 1);
                break;
            case 2:
                sb[i] = Neighbour(random, sb[i]);
                break;
            default:
                sb.Insert(i, Neighbour(random, sb[i]));
                break;
        }
        return sb.ToString();
    }

    private static char Neighbour(Random random, char c)
    {
        var lower = char.ToLowerInvariant(c);
        if (!EnglishNames.KeyboardNeighbours.TryGetValue(lower, out var near)) return c;
        var n = random.Pick(near);
        return char.IsUpper(c) ? char.ToUpperInvariant(n) : n;
    }

    // ---- dates --------------------------------------------------------------------------------------------

    public static string Format(DateTime value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Format(DateOnly value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
