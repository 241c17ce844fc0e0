using System.Buffers;
using System.Text;

namespace Mdm.Engine.Standardization.Addresses;

/// <summary>
/// Parses Chinese addresses into GB/T 2260 / NBS division codes plus a normalized remainder, and normalizes English
/// addresses. Division names are matched left to right, longest first, full (广东省) or abbreviated (广东), each level
/// constrained by the one found before it; a name that repeats across the country (鼓楼区, 朝阳区) with no parent
/// is left unresolved unless the postcode or the following township settles it. Input is expected in simplified Han
/// (full-width ASCII is folded here). Thread-safe; allocation is limited to the result strings.
/// </summary>
public sealed class AddressParser
{
    private static readonly Lazy<AddressParser> s_default =
        new(() => new AddressParser(DivisionCatalog.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly DivisionMatcher _matcher;

    /// <summary>A parser over <see cref="DivisionCatalog.Default"/>.</summary>
    public static AddressParser Default => s_default.Value;

    public AddressParser(DivisionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _matcher = new DivisionMatcher(catalog);
        _romanized = new Lazy<RomanizedDivisions>(() => new RomanizedDivisions(catalog), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public DivisionCatalog Catalog => _matcher.Catalog;

    internal DivisionMatcher Matcher => _matcher;

    /// <summary>
    /// Parses free text and/or split columns (any may be null or blank); columns may hold full or short names
    /// (or a romanized province/major city such as "Guangdong"). When the free text names divisions that contradict
    /// the columns, the free text wins. Returns null when all inputs are empty.
    /// </summary>
    /// <param name="country">The source's country (ISO 3166-1 alpha-2): an address of a source outside mainland China,
    /// Hong Kong, Macao and Taiwan is not read against the Chinese divisions (a suburb is not mistaken for a county
    /// whose pinyin it happens to spell); null or CN: Chinese first.</param>
    public ParsedAddress? Parse(string? address, string? province = null, string? city = null, string? district = null,
        string? postcode = null, string? country = null)
    {
        bool hasAddress = !string.IsNullOrWhiteSpace(address);
        bool hasColumns = !string.IsNullOrWhiteSpace(province) || !string.IsNullOrWhiteSpace(city)
            || !string.IsNullOrWhiteSpace(district);
        if (!hasAddress && !hasColumns && string.IsNullOrWhiteSpace(postcode)) return null;

        bool isChinese = TextFold.ContainsHan(address) || TextFold.ContainsHan(province) || TextFold.ContainsHan(city)
            || TextFold.ContainsHan(district);
        if (!isChinese && country is not (null or "CN" or "HK" or "MO" or "TW")) return ParseForeign(address, province, city, district, postcode);
        if (!isChinese) return ParseEnglish(address, province, city, district, postcode);

        string text = address ?? string.Empty;
        char[]? rented = null;
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            int length = TextFold.FoldInto(text, buffer);
            ReadOnlySpan<char> folded = buffer[..length];
            string? pc = ChinesePostcode.Normalize(postcode);
            int start = 0;
            int end = folded.Length;
            ExtractPostcode(folded, ref start, ref end, ref pc);
            ReadOnlySpan<char> body = folded[..end];
            int pcProvince = ChinesePostcode.ProvinceOf(pc);

            DivisionState columns = default;
            if (hasColumns)
            {
                ApplyColumn(province, ref columns, pcProvince);
                ApplyColumn(city, ref columns, pcProvince);
                ApplyColumn(district, ref columns, pcProvince);
            }

            start = SkipCountryName(body, start, pcProvince);
            DivisionState state = columns;
            int pos = _matcher.MatchRun(body, start, ref state, pcProvince, MatchMode.Address, out _);
            if (hasColumns && !columns.IsEmpty && pos == start)
            {
                // Nothing matched under the columns' divisions: the text may name others (columns stale or wrong).
                DivisionState own = default;
                int ownPos = _matcher.MatchRun(body, start, ref own, pcProvince, MatchMode.Address, out _);
                if (!own.IsEmpty)
                {
                    state = own;
                    pos = ownPos;
                }
            }
            if (hasColumns && state.County is null)
            {
                // A column the first pass could not place (district 鼓楼区 alone) may fit under what the text found.
                ApplyColumn(province, ref state, pcProvince);
                ApplyColumn(city, ref state, pcProvince);
                ApplyColumn(district, ref state, pcProvince);
            }
            if (state.Province is { IsMunicipality: true } m && state.City is null) state.City = m.ChildNodes[0];

            ReadOnlySpan<char> rest = body[pos..];
            bool restIsChinese = TextFold.ContainsHan(rest) || !ContainsLatinWord(rest);
            string remainder = restIsChinese ? AddressRemainder.NormalizeChinese(rest) : AddressRemainder.NormalizeEnglish(rest);
            string normalized = BuildNormalized(in state, remainder, restIsChinese);
            return new ParsedAddress(state.Province?.Code, state.City?.Code, state.County?.Code, state.Township?.Code,
                remainder, normalized, true, pc);
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    private void ApplyColumn(string? value, ref DivisionState state, int pcProvince)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        if (!TextFold.ContainsHan(value))
        {
            // Romanized province or major city ("Guangdong", "Shenzhen City"): accept only if it fits the state.
            if (DivisionNames.RomanizedCode(value) is { } code && _matcher.Catalog.NodeByCode(code) is { } node)
            {
                DivisionNode? deepest = state.Deepest;
                if (deepest is null || (node.Level > deepest.Level && ReferenceEquals(node.AncestorAt(deepest.Level), deepest)))
                    state.Set(node);
            }
            return;
        }
        Span<char> buffer = value.Length <= 128 ? stackalloc char[128] : new char[value.Length];
        int n = TextFold.FoldInto(value, buffer);
        _matcher.MatchRun(buffer[..n], 0, ref state, pcProvince, MatchMode.Address, out _);
    }

    /// <summary>Drops a leading 中国 / 中华人民共和国 when a division follows it.</summary>
    private int SkipCountryName(ReadOnlySpan<char> text, int start, int pcProvince)
    {
        int p = DivisionMatcher.SkipSeparators(text, start);
        ReadOnlySpan<char> rest = text[p..];
        int skip = rest.StartsWith("中华人民共和国", StringComparison.Ordinal) ? 7
            : rest.StartsWith("中国", StringComparison.Ordinal) ? 2 : 0;
        if (skip == 0) return start;
        DivisionState empty = default;
        int after = DivisionMatcher.SkipSeparators(text, p + skip);
        return _matcher.FindAt(text, after, in empty, 0, pcProvince, MatchMode.Address, lookahead: true).Found ? after : start;
    }

    /// <summary>
    /// A 6-digit postcode at the very start ("518057 广东省…") or at the end after a separator or 邮编
    /// ("…12号 518057", "…(邮编:518057)") is taken out of the text; a column value takes precedence.
    /// </summary>
    private static void ExtractPostcode(ReadOnlySpan<char> text, ref int start, ref int end, ref string? postcode)
    {
        int s = 0;
        while (s < text.Length && text[s] == ' ') s++;
        if (s + 6 <= text.Length && AllDigits(text.Slice(s, 6)) && (s + 6 == text.Length || !TextFold.IsAsciiDigit(text[s + 6])))
        {
            postcode ??= text.Slice(s, 6).ToString();
            start = s + 6;
            return;
        }
        int e = end;
        while (e > 0 && (text[e - 1] is ' ' or ')' or '.' or ',' or ';')) e--;
        if (e < 6 || !AllDigits(text.Slice(e - 6, 6))) return;
        int before = e - 7;
        if (before >= 0 && TextFold.IsAsciiDigit(text[before])) return;
        int cut = e - 6;
        int b = cut;
        while (b > 0 && text[b - 1] is ' ' or ':' or '(' or ',') b--;
        ReadOnlySpan<char> head = text[..b];
        if (head.EndsWith("邮编", StringComparison.Ordinal)) b -= 2;
        else if (head.EndsWith("邮政编码", StringComparison.Ordinal)) b -= 4;
        else if (b == cut) return; // glued to the text (路100001): not a postcode
        postcode ??= text.Slice(cut, 6).ToString();
        end = Math.Max(b, start);
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!TextFold.IsAsciiDigit(c)) return false;
        }
        return true;
    }

    private static bool ContainsLatinWord(ReadOnlySpan<char> s)
    {
        int run = 0;
        foreach (char c in s)
        {
            if (TextFold.IsAsciiLetter(c))
            {
                if (++run >= 3) return true;
            }
            else run = 0;
        }
        return false;
    }

    private static string BuildNormalized(in DivisionState state, string remainder, bool remainderIsChinese)
    {
        string? province = state.Province?.Name;
        string? city = state.City is { IsPlaceholder: false } c ? c.Name : null;
        string? county = state.County is { } k && !(state.City is { } c2 && c2.Name == k.Name) ? k.Name : null;
        string? township = state.Township?.CanonicalName;
        string? separator = !remainderIsChinese && remainder.Length > 0 && province is not null ? " " : null;
        return string.Concat([province, city, county, township, separator, remainder]);
    }

    private ParsedAddress ParseEnglish(string? address, string? province, string? city, string? district, string? postcode)
    {
        string full = AddressRemainder.NormalizeEnglish(address);
        var sb = WithColumns(full, district, city, province);

        // Divisions: the columns, then the romanized names an English address ends with ("…, Shunde District, Foshan,
        // Guangdong 528300"), read right to left; what they name is cut from the street part.
        string[] tokens = full.Length == 0 ? [] : full.Split(' ');
        int end = tokens.Length;
        string? pc = ChinesePostcode.Normalize(postcode);
        if (end > 0 && tokens[end - 1].Length == 6 && AllDigits(tokens[end - 1]))
        {
            pc ??= tokens[end - 1];
            end--;
        }
        var state = new EnglishDivisions(_romanized.Value, _matcher.Catalog, ChinesePostcode.ProvinceOf(pc));
        if (!string.IsNullOrWhiteSpace(province)) state.TryPlace(AddressRemainder.NormalizeEnglish(province).Replace(" ", ""), county: false);
        if (!string.IsNullOrWhiteSpace(city)) state.TryPlace(AddressRemainder.NormalizeEnglish(city).Replace(" ", ""), county: true);
        if (!string.IsNullOrWhiteSpace(district)) state.TryPlace(DropDivisionWord(AddressRemainder.NormalizeEnglish(district)), county: true);
        while (end > 0)
        {
            string t = tokens[end - 1];
            if (t is "china" or "prc" or "city" or "province")
            {
                end--;
                continue;
            }
            if (t is "dist" or "county")
            {
                if (end >= 2 && state.TryCounty(tokens[end - 2]))
                {
                    end -= 2;
                    continue;
                }
                break;
            }
            if (!state.TryPlace(t, county: true)) break;
            end--;
        }
        string remainder = end == tokens.Length ? full : string.Join(' ', tokens, 0, end);
        return new ParsedAddress(state.Province?.Code, state.City?.Code, state.County?.Code, null, remainder, sb.ToString(), false,
            pc ?? NormalizeForeignPostcode(postcode));
    }

    /// <summary>The normalized address text followed by the column values it does not already contain.</summary>
    private static StringBuilder WithColumns(string full, string? district, string? city, string? province)
    {
        var sb = new StringBuilder(full);
        foreach (string? column in (ReadOnlySpan<string?>)[district, city, province])
        {
            if (string.IsNullOrWhiteSpace(column)) continue;
            string part = AddressRemainder.NormalizeEnglish(column);
            if (part.Length == 0 || ContainsWords(sb, part)) continue;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(part);
        }
        return sb;
    }

    /// <summary>An address abroad: normalized text and street part, its own postcode, no Chinese division.</summary>
    private static ParsedAddress ParseForeign(string? address, string? province, string? city, string? district, string? postcode)
    {
        string full = AddressRemainder.NormalizeEnglish(address);
        var sb = WithColumns(full, district, city, province);
        return new ParsedAddress(null, null, null, null, full, sb.ToString(), false, NormalizeForeignPostcode(postcode));
    }

    private static string DropDivisionWord(string normalized)
    {
        int space = normalized.LastIndexOf(' ');
        return space > 0 && normalized[(space + 1)..] is "dist" or "county" or "city" ? normalized[..space].Replace(" ", "") : normalized.Replace(" ", "");
    }

    private readonly Lazy<RomanizedDivisions> _romanized;

    /// <summary>Province, city and county of an English address as its romanized names are placed, each fitting the one above.</summary>
    private struct EnglishDivisions(RomanizedDivisions romanized, DivisionCatalog catalog, int postcodeProvince)
    {
        public DivisionNode? Province;
        public DivisionNode? City;
        public DivisionNode? County;

        /// <summary>Places a province, city or (with <paramref name="county"/>) county name; false when it names none that fits.</summary>
        public bool TryPlace(string key, bool county)
        {
            if (key.Length < 3) return false;
            if (DivisionNames.RomanizedCode(key) is { } code && catalog.NodeByCode(code) is { } node)
            {
                if (node.Level == 1)
                {
                    if (Province is not null) return ReferenceEquals(Province, node);
                    if (City is not null && !ReferenceEquals(City.Province, node)) return false;
                    Province = node;
                    if (node.IsMunicipality && City is null) City = node.ChildNodes[0];
                    return true;
                }
                if (node.Level == 2 && Fits(node)) return SetCity(node);
            }
            DivisionNode? found = null;
            foreach (var c in romanized.Cities(key))
            {
                if (!Fits(c)) continue;
                if (found is not null) { found = null; break; }
                found = c;
            }
            if (found is not null) return SetCity(found);
            return county && TryCounty(key);
        }

        public bool TryCounty(string key)
        {
            if (County is not null) return false;
            var parent = City ?? Province;
            if (parent is null || romanized.County(parent.Code, key) is not { } node) return false;
            County = node;
            City ??= node.Parent;
            Province ??= node.Province;
            return true;
        }

        private readonly bool Fits(DivisionNode city)
        {
            if (City is not null) return ReferenceEquals(City, city);
            if (Province is not null) return ReferenceEquals(city.Province, Province);
            return postcodeProvince == 0 || city.Province.Code == postcodeProvince.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
        }

        private bool SetCity(DivisionNode city)
        {
            if (City is not null) return ReferenceEquals(City, city);
            City = city;
            Province ??= city.Province;
            return true;
        }
    }

    private static bool ContainsWords(StringBuilder sb, string part)
    {
        string s = " " + sb + " ";
        return s.Contains(" " + part + " ", StringComparison.Ordinal);
    }

    private static string? NormalizeForeignPostcode(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode)) return null;
        var sb = new StringBuilder(postcode.Length);
        bool space = false;
        foreach (char c0 in postcode.Trim())
        {
            char c = TextFold.Fold(c0);
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(char.ToUpperInvariant(c));
        }
        return sb.ToString();
    }
}
