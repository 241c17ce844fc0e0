using Mdm.Engine.Standardization.Text;

namespace Mdm.Engine.Standardization.Addresses;

/// <summary>
/// The road and house number of an address in a form both scripts share: 新华南路69号 and "69 Xinhua South Road"
/// both give name "xinhua s" and number "69"; 深南大道118号 and "118 Shennan Avenue" give "shennan" / "118". The road
/// type (路, 街, 大道 / road, street, avenue) is left out because exports translate it loosely; a trailing direction
/// (东南西北中 / e s w n middle) is kept as one letter. Pure and thread-safe.
/// </summary>
public static class StreetKey
{
    private static readonly string[] ChineseRoadTypes = ["大道", "大街", "胡同", "路", "街", "道", "巷", "弄"];

    /// <summary>Road name and house number of a normalized address remainder (Chinese or English); nulls when not found.</summary>
    public static (string? Name, string? Number) Parse(string? remainder)
    {
        if (string.IsNullOrEmpty(remainder)) return (null, null);
        return TextNormalizer.ContainsHan(remainder) ? ParseChinese(remainder) : ParseEnglish(remainder);
    }

    private static (string?, string?) ParseChinese(string s)
    {
        for (var i = 1; i < s.Length; i++)
        {
            foreach (var type in ChineseRoadTypes)
            {
                if (!s.AsSpan(i).StartsWith(type, StringComparison.Ordinal)) continue;
                var after = i + type.Length;
                if (after >= s.Length || !char.IsAsciiDigit(s[after])) continue;
                var start = i;
                // Surrogates are Han of the extension planes (河輋农场 simplifies to 河𪨶农场); 〇 is a numeral (八五〇农场).
                while (start > 0 && (TextNormalizer.IsHan(s[start - 1]) || char.IsSurrogate(s[start - 1]) || s[start - 1] == '〇')) start--;
                if (start == i) continue;
                start = AfterDivisionWord(s, start, i);
                var numberEnd = after;
                while (numberEnd < s.Length && char.IsAsciiDigit(s[numberEnd])) numberEnd++;
                var name = s.AsSpan(start, i - start);
                char? direction = null;
                if (name.Length >= 3 && ChineseDirection(name[^1]) is { } d)
                {
                    direction = d;
                    name = name[..^1];
                }
                var pinyin = PinyinTable.Default.ToPinyin(name, separator: "");
                return (direction is { } dir ? pinyin + " " + dir : pinyin, s[after..numberEnd]);
            }
        }
        return (null, null);
    }

    // Words that end a division or township name the parser did not place (another county's township, a name that
    // repeats across the country): 高楼坪侗族乡华东西路 is 华东西路, 鼓楼区五四路 is 五四路.
    private static readonly string[] DivisionWords =
        ["街道", "办事处", "苏木", "镇", "乡", "区", "县", "市", "场"];

    /// <summary>
    /// Where the road name starts in the Han run [start, end): after the last division word with at least two characters
    /// before it (one for 区 and 苏木: 城区, 辉苏木; any number when they make a township's name: 茶镇) and at least two
    /// after it for the road (one after a township word: 北蒙街道化大街), so 镇海路, 城乡路, 工业区一路 stay whole.
    /// </summary>
    private static int AfterDivisionWord(string s, int start, int end)
    {
        for (var j = end - 2; j >= start + 1; j--)
        {
            foreach (var word in DivisionWords)
            {
                if (!s.AsSpan(0, j + 1).EndsWith(word, StringComparison.Ordinal)) continue;
                bool township = word is "街道" or "办事处" or "苏木" or "镇" or "乡";
                if (end - j - 1 < (township ? 1 : 2)) continue;
                if (word == "市" && s[j + 1] == '场') continue; // 农贸市场东路
                int before = j - word.Length + 1 - start;
                if (before >= (word is "区" or "苏木" ? 1 : 2) || (township && before >= 1 && NamesTownship(s, start, j + 1))) return j + 1;
            }
        }
        return start;
    }

    private static bool NamesTownship(string s, int start, int end)
    {
        var catalog = DivisionCatalog.Default;
        for (var k = start; k < end - 1; k++)
        {
            if (catalog.IsTownshipName(s.AsSpan(k, end - k))) return true;
        }
        return false;
    }

    private static char? ChineseDirection(char c) => c switch
    {
        '东' => 'e', '南' => 's', '西' => 'w', '北' => 'n', '中' => 'm', _ => null,
    };

    private static bool IsEnglishRoadType(string token) => EnglishStreetTypes.RoadTypes.Contains(token);

    private static char? EnglishDirection(string token) => token switch
    {
        "e" => 'e', "s" => 's', "w" => 'w', "n" => 'n', "middle" or "mid" or "central" or "m" => 'm', _ => null,
    };

    private static (string?, string?) ParseEnglish(string s)
    {
        var tokens = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // Most telling first: a plain road type with its number before the name ("10 jiefang w st"), then after it
        // ("haidian rd 271"), then the types that also name estates ("chunhua ct", "wanjiali gdn").
        foreach (var (plainOnly, numberBefore) in new[] { (true, true), (true, false), (false, true), (false, false) })
        {
            var found = ParseEnglish(tokens, plainOnly, numberBefore);
            if (found.Item1 is not null) return found;
        }
        return (null, null);
    }

    private static (string?, string?) ParseEnglish(string[] tokens, bool plainOnly, bool numberBefore)
    {
        for (var t = 1; t < tokens.Length; t++)
        {
            if (!IsEnglishRoadType(tokens[t])) continue;
            if (plainOnly != EnglishStreetTypes.PlainRoadTypes.Contains(tokens[t])) continue;
            // "lake view rd": the last type of a run is the road's, the words before it its name.
            if (t + 1 < tokens.Length && IsEnglishRoadType(tokens[t + 1])) continue;
            var k = t - 1;
            char? direction = null;
            if (k >= 1 && EnglishDirection(tokens[k]) is { } d)
            {
                direction = d;
                k--;
            }
            var nameEnd = k + 1;
            while (k >= 0 && IsWord(tokens[k]) && nameEnd - k <= 3) k--;
            var nameStart = k + 1;
            if (nameStart >= nameEnd) continue;
            // "rm 2101 chunhua ct": a number after a unit, room or building word is not the house's.
            string? number = numberBefore
                ? k >= 0 && IsNumber(tokens[k]) && !(k >= 1 && tokens[k - 1] is "unit" or "rm" or "ste" or "fl" or "bldg" or "blk") ? tokens[k] : null
                : t + 1 < tokens.Length && IsNumber(tokens[t + 1]) ? tokens[t + 1] : null;
            if (number is null) continue;
            var name = string.Concat(tokens.AsSpan(nameStart, nameEnd - nameStart));
            return (direction is { } dir ? name + " " + dir : name, number);
        }
        return (null, null);
    }

    private static bool IsWord(string token)
    {
        foreach (var c in token) if (!char.IsAsciiLetterLower(c)) return false;
        return token.Length > 0 && EnglishDirection(token) is null && !IsEnglishRoadType(token);
    }

    private static bool IsNumber(string token)
    {
        foreach (var c in token) if (!char.IsAsciiDigit(c)) return false;
        return token.Length is > 0 and <= 5;
    }
}
