using System.Collections.Frozen;

namespace Mdm.Engine.Standardization.Addresses;

/// <summary>The divisions found so far, one per level (ancestors always filled in).</summary>
internal struct DivisionState
{
    public DivisionNode? Province;
    public DivisionNode? City;
    public DivisionNode? County;
    public DivisionNode? Township;

    public readonly DivisionNode? Deepest => Township ?? County ?? City ?? Province;

    public readonly bool IsEmpty => Province is null;

    public readonly DivisionNode? At(int level) => level switch
    {
        1 => Province,
        2 => City,
        3 => County,
        4 => Township,
        _ => null,
    };

    /// <summary>Records <paramref name="node"/> and its ancestors; a city without districts (东莞) also fixes its county.</summary>
    public void Set(DivisionNode node)
    {
        Province = node.Province;
        if (node.Level >= 2) City = node.City;
        if (node.Level >= 3) County = node.County;
        if (node.Level == 4) Township = node;
        if (node.Level == 2 && node.SameNameCounty is not null) County = node.SameNameCounty;
    }
}

/// <summary>How abbreviations are accepted: free-text addresses guard against road names; company prefixes do not.</summary>
internal enum MatchMode
{
    Address,
    Company,
}

/// <summary>A match at one position: the division (null when the longest name there is ambiguous), its length.</summary>
internal readonly record struct DivisionHit(DivisionNode? Node, int Length, int Level, bool IsRepeat, bool IsAmbiguous)
{
    public bool Found => Length > 0;
}

/// <summary>
/// Left-to-right longest match of division names against a folded text, constrained by the divisions already found
/// (a name only matches a division under the deepest one known, or repeats a known one). Stateless; thread-safe.
/// </summary>
internal sealed class DivisionMatcher
{
    private readonly DivisionCatalog _catalog;

    public DivisionMatcher(DivisionCatalog catalog) => _catalog = catalog;

    public DivisionCatalog Catalog => _catalog;

    /// <summary>
    /// Consumes consecutive division names from <paramref name="start"/>, updating <paramref name="state"/>;
    /// returns the position after the last one (separators after it included only when the text ends there).
    /// <paramref name="ambiguousLength"/> is the length of an ambiguous name the run stopped at (0 if none).
    /// </summary>
    public int MatchRun(ReadOnlySpan<char> text, int start, ref DivisionState state, int postcodeProvince, MatchMode mode,
        out int ambiguousLength)
    {
        ambiguousLength = 0;
        int pos = start;
        int lastLevel = 0;
        DivisionHit peeked = default;
        int peekedAt = -1;
        while (true)
        {
            int p = SkipSeparators(text, pos);
            if (p >= text.Length)
            {
                pos = p;
                break;
            }
            DivisionHit hit = p == peekedAt ? peeked : FindAt(text, p, in state, lastLevel, postcodeProvince, mode, lookahead: true);
            peekedAt = -1;
            if (!hit.Found && p > pos && text[p - 1] == '(')
            {
                // Some official names start with a bracket: (工业园区)城南街道.
                int q = p - 1;
                while (q > pos && text[q - 1] == '(') q--;
                DivisionHit bracketed = FindAt(text, q, in state, lastLevel, postcodeProvince, mode, lookahead: true);
                if (bracketed.Found)
                {
                    hit = bracketed;
                    p = q;
                }
            }
            if (hit.Node is null)
            {
                if (hit.IsAmbiguous) ambiguousLength = p - pos + hit.Length;
                break;
            }
            if (!hit.IsRepeat) state.Set(hit.Node);
            lastLevel = hit.Node.Level;
            pos = p + hit.Length;
            if (hit.Node.Level == 4) pos += TownshipWordAfterStem(text, pos);
            if (text[pos - 1] == '市' && hit.Length >= 3 && hit.Node.Level <= 2 && pos < text.Length)
            {
                // 济南市中区, 青岛市北区: the 市 belongs to the county (市中区, 市北区), not to the city name.
                int nextAt = SkipSeparators(text, pos);
                DivisionHit next = FindAt(text, nextAt, in state, lastLevel, postcodeProvince, mode, lookahead: true);
                peeked = next; // same state and position as the next iteration's search
                peekedAt = nextAt;
                if (!next.Found)
                {
                    DivisionHit shifted = FindAt(text, pos - 1, in state, lastLevel, postcodeProvince, mode, lookahead: true);
                    if (shifted.Node is not null && !shifted.IsRepeat)
                    {
                        pos--;
                        peekedAt = -1;
                    }
                }
            }
        }
        return pos;
    }

    /// <summary>The longest acceptable division name at <paramref name="pos"/> given the state.</summary>
    public DivisionHit FindAt(ReadOnlySpan<char> text, int pos, in DivisionState state, int lastLevel, int postcodeProvince,
        MatchMode mode, bool lookahead)
    {
        if (pos >= text.Length) return default;
        DivisionHit best = SearchTable(_catalog.Names, text, pos, in state, lastLevel, postcodeProvince, mode, lookahead);
        if (state.County is { } county)
        {
            if (county.Townships is { } towns)
                best = Better(best, SearchTable(towns, text, pos, in state, lastLevel, postcodeProvince, mode, lookahead));
        }
        else if (state.City is { } city)
        {
            // County not named: a township name may still identify it (深圳市粤海街道 → 南山区).
            foreach (var c in city.ChildNodes)
            {
                if (c.Townships is { } towns)
                    best = Better(best, SearchTable(towns, text, pos, in state, lastLevel, postcodeProvince, mode, lookahead));
            }
        }
        return best;
    }

    private static DivisionHit Better(DivisionHit a, DivisionHit b)
    {
        if (!b.Found) return a;
        if (!a.Found || b.Length > a.Length) return b;
        if (b.Length < a.Length) return a;
        // Same text: a new, deeper division beats repeating a known one (金门县 county, then 金门县 township).
        if (a.IsRepeat != b.IsRepeat && a.Node is not null && b.Node is not null) return a.IsRepeat ? b : a;
        if (b.Level < a.Level) return b;
        if (b.Level > a.Level) return a;
        if (a.Node is not null && ReferenceEquals(a.Node, b.Node)) return a;
        return new DivisionHit(null, a.Length, a.Level, false, true);
    }

    private DivisionHit SearchTable(DivisionNameTable table, ReadOnlySpan<char> text, int pos, in DivisionState state,
        int lastLevel, int postcodeProvince, MatchMode mode, bool lookahead)
    {
        ReadOnlySpan<char> rest = text[pos..];
        foreach (NameEntry entry in table.Candidates(rest[0]))
        {
            string name = entry.Name;
            // Names have ≥ 2 characters and share the first: test the second before the whole name.
            if (name.Length > rest.Length || name[1] != rest[1] || !rest.StartsWith(name.AsSpan())) continue;
            int end = pos + name.Length;
            DivisionNode? chosen = null;
            int chosenLevel = int.MaxValue, count = 0;
            bool chosenRepeat = false;
            foreach (NameTarget t in entry.Targets)
            {
                if (!IsCompatible(t.Node, in state, lastLevel, out bool repeat)) continue;
                if (!Accept(t, name, text, end, in state, repeat, postcodeProvince, mode, lookahead)) continue;
                int level = t.Node.Level;
                if (chosenRepeat && !repeat)
                {
                    // 承德市承德: the second 承德 is the county 承德县, not the city again (as in Better).
                    chosen = t.Node;
                    chosenLevel = level;
                    chosenRepeat = false;
                    count = 1;
                }
                else if (repeat && count > 0 && !chosenRepeat) continue;
                else if (level < chosenLevel)
                {
                    chosen = t.Node;
                    chosenLevel = level;
                    chosenRepeat = repeat;
                    count = 1;
                }
                else if (level == chosenLevel) count++;
            }
            if (count == 0) continue;
            if (count == 1)
            {
                if (lookahead && !chosenRepeat && entry.Targets.Length > 1
                    && DeeperReading(entry, chosen!, text, end, in state, lastLevel, postcodeProvince, mode) is { } deeper)
                    return new DivisionHit(deeper, name.Length, deeper.Level, false, false);
                return new DivisionHit(chosen, name.Length, chosenLevel, chosenRepeat, false);
            }
            DivisionNode? resolved = Disambiguate(entry, chosenLevel, text, end, in state, lastLevel, postcodeProvince, mode, lookahead);
            return resolved is not null
                ? new DivisionHit(resolved, name.Length, chosenLevel, false, false)
                : new DivisionHit(null, name.Length, chosenLevel, false, true);
        }
        return default;
    }

    /// <summary>
    /// A name of divisions at different levels (海南: the province and 青海's 海南州) is read at the higher level unless only
    /// exactly one deeper reading has the next name under it: 海南共和 is 海南州共和县. Null to keep <paramref name="chosen"/>.
    /// </summary>
    private DivisionNode? DeeperReading(NameEntry entry, DivisionNode chosen, ReadOnlySpan<char> text, int end, in DivisionState state,
        int lastLevel, int postcodeProvince, MatchMode mode)
    {
        int next = SkipSeparators(text, end);
        if (next >= text.Length) return null;
        bool checkedChosen = false;
        DivisionNode? deeper = null;
        foreach (NameTarget t in entry.Targets)
        {
            if (t.Node.Level <= chosen.Level || !IsCompatible(t.Node, in state, lastLevel, out bool repeat) || repeat
                || !Accept(t, entry.Name, text, end, in state, repeat, postcodeProvince, mode, lookahead: false))
                continue;
            if (!checkedChosen)
            {
                if (ChildFollows(chosen, text, next, in state, postcodeProvince, mode)) return null;
                checkedChosen = true;
            }
            if (!ChildFollows(t.Node, text, next, in state, postcodeProvince, mode)) continue;
            if (deeper is not null) return null;
            deeper = t.Node;
        }
        return deeper;
    }

    /// <summary>
    /// A repeated name (鼓楼区, 朝阳区) with no parent to tell them apart: resolve it only if the postcode's province or
    /// the next division name (a township that exists under just one of them) singles one out; otherwise null.
    /// </summary>
    private DivisionNode? Disambiguate(NameEntry entry, int level, ReadOnlySpan<char> text, int end, in DivisionState state,
        int lastLevel, int postcodeProvince, MatchMode mode, bool lookahead)
    {
        var candidates = new List<DivisionNode>(entry.Targets.Length);
        foreach (NameTarget t in entry.Targets)
        {
            if (t.Node.Level == level && IsCompatible(t.Node, in state, lastLevel, out bool repeat) && !repeat
                && Accept(t, entry.Name, text, end, in state, repeat, postcodeProvince, mode, lookahead))
                candidates.Add(t.Node);
        }
        if (postcodeProvince > 0)
        {
            candidates.RemoveAll(c => c.ProvinceNumber != postcodeProvince);
            if (candidates.Count == 1) return candidates[0];
        }
        if (!lookahead || candidates.Count < 2) return null;
        DivisionNode? pick = null;
        int matches = 0;
        int next = SkipSeparators(text, end);
        foreach (var c in candidates)
        {
            DivisionState s2 = state;
            s2.Set(c);
            DivisionHit h = FindAt(text, next, in s2, c.Level, postcodeProvince, mode, lookahead: false);
            if (h.Node is not null && !h.IsRepeat)
            {
                pick = c;
                matches++;
            }
        }
        return matches == 1 ? pick : null;
    }

    private static bool IsCompatible(DivisionNode node, in DivisionState state, int lastLevel, out bool repeat)
    {
        repeat = false;
        DivisionNode? deepest = state.Deepest;
        if (deepest is null) return true;
        if (ReferenceEquals(state.At(node.Level), node))
        {
            // 北京市北京市…, or a column already gave it; but never step back up (深圳市南山区深圳湾 is a place).
            repeat = true;
            return node.Level >= lastLevel;
        }
        return node.Level > deepest.Level && ReferenceEquals(node.AncestorAt(deepest.Level), deepest);
    }

    private bool Accept(NameTarget t, string name, ReadOnlySpan<char> text, int end, in DivisionState state, bool repeat,
        int postcodeProvince, MatchMode mode, bool lookahead)
    {
        if (!t.IsShort)
        {
            // 北京市场 is a market, not 北京市 + 场; 山西省古县乡 is the town 古县乡, not 古县 + 乡.
            if (name[^1] == '市' && end < text.Length && text[end] == '场') return false;
            return t.Node.Level == 4 || repeat || TownshipWordAt(text, end) == 0 || !StartsTownshipName(text, end - name.Length, end, 0)
                || ChildFollows(t.Node, text, SkipSeparators(text, end), in state, postcodeProvince, mode);
        }
        if (mode == MatchMode.Company)
        {
            // County and township abbreviations are ordinary trade names too often (平安银行, 长安汽车, 上海浦东发展银行):
            // a county abbreviation only counts right after a real city (深圳南山腾达科技).
            return t.Node.Level <= 2 || (t.Node.Level == 3 && state.City is { IsPlaceholder: false });
        }
        // The abbreviation starts a longer township name of the catalogue: 兴隆山镇 is not 兴隆街道 + 山镇, 北京市朝阳门街道
        // is 东城区's street office, not 朝阳区 + 门街道, 吉林榆树台镇 is no 榆树市 (but 兴隆镇 is 兴隆街道's old name).
        // For a county or city the township word may follow at once: 甘肃城关镇 is a town, not 城关区 + 镇.
        // Unless a division under it follows (普洱镇沅…自治县 is 普洱 + 镇沅).
        if (!repeat && StartsTownshipName(text, end - name.Length, end, t.Node.Level == 4 ? 1 : 0)
            && !ChildFollows(t.Node, text, SkipSeparators(text, end), in state, postcodeProvince, mode))
            return false;
        bool roadLike = RejectsAbbreviation(text, end);
        if (!roadLike && (!state.IsEmpty || repeat)) return true;
        int next = SkipSeparators(text, end);
        if (next >= text.Length) return true;
        // A division under it settles the question either way: 唐山路北区 (路北区), 哈尔滨道外区, 深圳南山.
        if ((lookahead || roadLike) && ChildFollows(t.Node, text, next, in state, postcodeProvince, mode)) return true;
        // Under a named parent, a city or county abbreviation followed by a whole numbered road is the division:
        // 西安市雁塔站前路104号 is 雁塔区 + 站前路 (雁塔路, 雁塔东路 stay roads: their names are too short).
        // So is one followed by a township of its own (井陉街头镇: 街头镇 is a town, not a road).
        if (roadLike)
            return !state.IsEmpty && !repeat && t.Node.Level is 2 or 3 && (NumberedRoadFollows(text, end) || TownshipFollows(text, end));
        // No parent and nothing under it: it must be followed by address text (深圳科技园路12号, not 安康花园).
        return !state.IsEmpty || repeat || AddressLikeFollows(text, end);
    }

    /// <summary>
    /// The name at <paramref name="start"/> and <paramref name="min"/> to two characters after <paramref name="end"/>, with a
    /// township word, spell the full name of a township somewhere in the country.
    /// </summary>
    private bool StartsTownshipName(ReadOnlySpan<char> text, int start, int end, int min) =>
        TownshipNameEnds(text, start, end + min + 1, end + 6);

    /// <summary>
    /// A catalogue township's full name is text[start..j] for some j in [<paramref name="minEnd"/>, <paramref name="maxEnd"/>]
    /// (looked up only where a township name can end: 镇, 乡, 街道, 办事处, 管理区, 农场, 苏木 …).
    /// </summary>
    private bool TownshipNameEnds(ReadOnlySpan<char> text, int start, int minEnd, int maxEnd)
    {
        maxEnd = Math.Min(maxEnd, text.Length);
        for (int j = minEnd; j <= maxEnd; j++)
        {
            char c = text[j - 1];
            if (!TextFold.IsHan(c)) return false;
            if (c is '镇' or '乡' or '道' or '处' or '区' or '场' or '木' && _catalog.IsTownshipName(text[start..j])) return true;
        }
        return false;
    }

    /// <summary>
    /// A township name starts at <paramref name="end"/>: one of at least two characters and its township word (街头镇,
    /// 九道街道), or any in the catalogue (乐园良种场).
    /// </summary>
    private bool TownshipFollows(ReadOnlySpan<char> text, int end)
    {
        for (int i = end + 2; i < Math.Min(text.Length, end + 6); i++)
        {
            if (TownshipWordAt(text, i) > 0) return true;
            if (!TextFold.IsHan(text[i])) break;
        }
        return TownshipNameEnds(text, end, end + 2, end + 8);
    }

    /// <summary>
    /// A road name of at least two characters (not only direction or size words), its type and a house number start at
    /// <paramref name="end"/>: 站前路104号, 新村东大街8号.
    /// </summary>
    private static bool NumberedRoadFollows(ReadOnlySpan<char> text, int end)
    {
        int limit = Math.Min(text.Length, end + 8);
        bool meaningful = false;
        for (int i = end; i < limit; i++)
        {
            char c = text[i];
            if (!TextFold.IsHan(c)) return false;
            bool big = c == '大' && i + 1 < text.Length && text[i + 1] is '道' or '街';
            if (c is '路' or '街' or '道' or '巷' or '弄' || big)
            {
                if (i - end < 2 || !meaningful) return false;
                int after = SkipSeparators(text, i + (big ? 2 : 1));
                return after < text.Length && (TextFold.IsAsciiDigit(text[after]) || text[after] == '#');
            }
            if (!IsStreetModifier(c)) meaningful = true;
        }
        return false;
    }

    /// <summary>Length of a township word (镇, 乡, 街道, 办事处) at <paramref name="pos"/>, 0 if none.</summary>
    private static int TownshipWordAt(ReadOnlySpan<char> text, int pos)
    {
        if (pos >= text.Length) return 0;
        ReadOnlySpan<char> rest = text[pos..];
        if (rest[0] is '镇' or '乡') return 1;
        if (rest.StartsWith("街道", StringComparison.Ordinal)) return 2;
        return rest.StartsWith("办事处", StringComparison.Ordinal) ? 3 : 0;
    }

    /// <summary>
    /// After a township matched by its stem, the township word written with it: 兴隆镇 for 兴隆街道 (a town that became a
    /// street office keeps its old name in addresses). 0 when the match already ended with such a word.
    /// </summary>
    private static int TownshipWordAfterStem(ReadOnlySpan<char> text, int pos)
    {
        if (pos < 1 || TownshipWordAt(text, pos - 1) > 0 || text[pos - 1] == '道' || text[pos - 1] == '处') return 0;
        return TownshipWordAt(text, pos);
    }

    private bool ChildFollows(DivisionNode node, ReadOnlySpan<char> text, int next, in DivisionState state, int postcodeProvince,
        MatchMode mode)
    {
        DivisionState s2 = state;
        s2.Set(node);
        DivisionHit h = FindAt(text, next, in s2, node.Level, postcodeProvince, mode, lookahead: false);
        return h.Found && !h.IsRepeat;
    }

    internal static int SkipSeparators(ReadOnlySpan<char> text, int pos)
    {
        while (pos < text.Length && IsSeparator(text[pos])) pos++;
        return pos;
    }

    internal static bool IsSeparator(char c) =>
        c is ' ' or ',' or ';' or ':' or '|' or '/' or '\\' or '.' or '-' or '_' or '(' or ')' or '\u00B7' or '\u2014' or '\u2013';

    // Characters that, right after an abbreviation, make it part of a road or place name: 中山路, 南京街, 深圳湾, 北京站.
    private static bool IsStreetChar(char c) =>
        c is '路' or '街' or '道' or '巷' or '弄' or '里' or '村' or '桥' or '站' or '港' or '湾' or '园' or '苑' or '坊' or '胡';

    // A direction, ordinal or size word that can sit between the name and the street word: 中山东路, 中山一路, 深圳大道.
    private static bool IsStreetModifier(char c) =>
        c is '东' or '西' or '南' or '北' or '中' or '大' or '小' or '新' or '老' or '一' or '二' or '三' or '四' or '五'
            or '六' or '七' or '八' or '九' or '十' or '环' or '外' or '内' or '上' or '下' or '前' or '后';

    private static readonly FrozenSet<string> PlaceWords = new[]
    {
        "花园", "家园", "公园", "庄园", "乐园", "小区", "广场", "大厦", "新村", "山庄", "公寓", "商城", "大学", "中学",
        "小学", "学院", "医院", "宾馆", "酒店", "饭店", "银行", "公司", "集团", "市场", "商场", "大楼", "剧院", "影院",
        "机场", "车站", "码头", "中心", "商店", "书店", "大酒", "国际", "名苑", "雅苑", "华庭", "豪庭",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceWordLookup =
        PlaceWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when the text after an abbreviation shows it is the start of a road/place name, not a division.</summary>
    internal static bool RejectsAbbreviation(ReadOnlySpan<char> text, int end)
    {
        if (end >= text.Length) return false;
        char c = text[end];
        if (IsStreetChar(c)) return true;
        if (end + 1 >= text.Length) return false;
        char c2 = text[end + 1];
        if (IsStreetModifier(c) && (IsStreetChar(c2) || c2 is '区' or '厦' or '学' or '院' or '楼' or '场')) return true;
        return PlaceWordLookup.Contains(text.Slice(end, 2));
    }

    private static bool IsAddressMarker(char c) =>
        c is '路' or '街' or '道' or '巷' or '弄' or '号' or '村' or '区' or '园' or '苑' or '厦' or '楼' or '栋' or '幢'
            or '座' or '室' or '场' or '镇' or '乡' or '里' or '湾' or '城' or '庄' or '屯' or '组' or '院' or '坊' or '寓'
            or '#';

    /// <summary>Address text (a road, number, building …) follows, not glued to the name: 深圳科技园路12号.</summary>
    private static bool AddressLikeFollows(ReadOnlySpan<char> text, int end)
    {
        int limit = Math.Min(text.Length, end + 24);
        for (int i = end + 2; i < limit; i++)
        {
            char c = text[i];
            if (TextFold.IsAsciiDigit(c) || IsAddressMarker(c)) return true;
        }
        return false;
    }
}
