using System.Collections.Frozen;

namespace Mdm.Engine.Standardization.Addresses;

/// <summary>
/// Derives the abbreviations people write instead of full official names: 广东省→广东, 内蒙古自治区→内蒙古,
/// 延边朝鲜族自治州→延边 / 延边州, 深圳市→深圳, 阿克苏地区→阿克苏, 南山区→南山, 长阳土家族自治县→长阳 / 长阳县,
/// 浦东新区→浦东, 粤海街道→粤海. Abbreviations shorter than two characters are never produced.
/// </summary>
internal static class DivisionNames
{
    // The 55 minority nationalities (and 各族), longest first so 土家 is tried before 土.
    private static readonly string[] Ethnicities = Sorted(
        "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 "
        + "柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 "
        + "京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各");

    private static string[] Sorted(string list)
    {
        var a = list.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Array.Sort(a, static (x, y) => y.Length.CompareTo(x.Length));
        return a;
    }

    /// <summary>Strips trailing nationality names (满族, 土家族苗族, 蒙古) from an autonomous division's stem, keeping ≥ 2 characters.</summary>
    internal static string StripEthnicities(string stem)
    {
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (string e in Ethnicities)
            {
                if (stem.EndsWith(e + "族", StringComparison.Ordinal) && stem.Length - e.Length - 1 >= 2)
                {
                    stem = stem[..^(e.Length + 1)];
                    changed = true;
                    break;
                }
                // Multi-character names also appear without 族 (博尔塔拉蒙古自治州, 木垒哈萨克自治县).
                if (e.Length >= 2 && stem.EndsWith(e, StringComparison.Ordinal) && stem.Length - e.Length >= 2)
                {
                    stem = stem[..^e.Length];
                    changed = true;
                    break;
                }
            }
        }
        // 东乡族自治县, 鄂温克族自治旗: the stem is the nationality itself.
        if (stem.Length >= 3 && stem[^1] == '族') stem = stem[..^1];
        return stem;
    }

    /// <summary>The abbreviations of a division name at a level (may be empty).</summary>
    public static List<string> Abbreviations(int level, string name)
    {
        var result = new List<string>(2);
        switch (level)
        {
            case 1:
                if (name.EndsWith("自治区", StringComparison.Ordinal))
                {
                    string stem = StripEthnicities(name[..^3]);
                    Add(result, stem);
                    Add(result, stem + "自治区");
                }
                else if (name.EndsWith('省') || name.EndsWith('市')) Add(result, name[..^1]);
                break;
            case 2:
                if (name.EndsWith("自治州", StringComparison.Ordinal))
                {
                    string stem = StripEthnicities(name[..^3]);
                    Add(result, stem);
                    Add(result, stem + "州");
                }
                else if (name.EndsWith("地区", StringComparison.Ordinal)) Add(result, name[..^2]);
                else if (name.EndsWith('盟') || name.EndsWith('市')) Add(result, name[..^1]);
                break;
            case 3:
                if (name.EndsWith("自治县", StringComparison.Ordinal))
                {
                    string stem = StripEthnicities(name[..^3]);
                    Add(result, stem);
                    Add(result, stem + "县");
                }
                else if (name.EndsWith("自治旗", StringComparison.Ordinal))
                {
                    string stem = StripEthnicities(name[..^3]);
                    Add(result, stem + "旗");
                    if (stem.Length < name.Length - 3) Add(result, stem);
                }
                else if (name.EndsWith("新区", StringComparison.Ordinal) && name.Length >= 4) Add(result, name[..^2]);
                else if (name.EndsWith('区') || name.EndsWith('县') || name.EndsWith('市')) Add(result, name[..^1]);
                break;
            case 4:
                if (name.EndsWith("街道", StringComparison.Ordinal))
                {
                    string stem = name[..^2];
                    // 南京东路街道, 金融街街道: the stem is a road; written alone it means the road, not the street office.
                    if (!EndsLikeRoad(stem))
                    {
                        Add(result, stem);
                        Add(result, stem + "区"); // former districts turned streets are still written so: 石岐区 → 石岐街道
                    }
                    Add(result, name + "办事处");
                    Add(result, name + "办");
                }
                else if (name.EndsWith("民族乡", StringComparison.Ordinal)) Add(result, StripEthnicities(name[..^3]));
                else if (name.EndsWith("族乡", StringComparison.Ordinal)) Add(result, StripEthnicities(name[..^1]));
                else if (name.EndsWith("地区", StringComparison.Ordinal)) Add(result, name[..^2]);
                else if ((name.EndsWith('镇') || name.EndsWith('乡')) && !EndsLikeRoad(name.AsSpan(0, name.Length - 1))) Add(result, name[..^1]);
                break;
        }
        return result;

        static void Add(List<string> list, string s)
        {
            if (s.Length >= 2 && !list.Contains(s)) list.Add(s);
        }
    }

    /// <summary>
    /// Full-name variants of a township as the data spells it: the name itself, without bracketed qualifiers
    /// ("(工业园区)城南街道" → 城南街道; "科技城(东渚街道)" also → 东渚街道) and without a repeated county prefix
    /// ("召陵区翟庄街道" → 翟庄街道). Abbreviations are derived from these, never from the prefixed form.
    /// </summary>
    public static List<string> TownshipVariants(string countyName, string name)
    {
        var variants = new List<string>(2);
        string stripped = name;
        if (name.Contains('('))
        {
            var sb = new System.Text.StringBuilder(name.Length);
            int depth = 0, contentStart = 0;
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (c == '(')
                {
                    if (depth++ == 0) contentStart = i + 1;
                }
                else if (c == ')' && depth > 0)
                {
                    if (--depth == 0)
                    {
                        string content = name[contentStart..i];
                        if (content.EndsWith("街道", StringComparison.Ordinal) || content.EndsWith('镇') || content.EndsWith('乡'))
                            Add(variants, content);
                    }
                }
                else if (depth == 0) sb.Append(c);
            }
            stripped = sb.ToString();
        }
        if (stripped.Length > countyName.Length + 1 && stripped.StartsWith(countyName, StringComparison.Ordinal))
            stripped = stripped[countyName.Length..];
        if (stripped.Length >= 2 && !variants.Contains(stripped)) variants.Insert(0, stripped);
        return variants;

        static void Add(List<string> list, string s)
        {
            if (s.Length >= 2 && !list.Contains(s)) list.Add(s);
        }
    }

    private static bool EndsLikeRoad(ReadOnlySpan<char> stem) =>
        stem.Length > 0 && stem[^1] is '路' or '街' or '道' or '巷' or '弄';

    /// <summary>
    /// Romanized (pinyin / English) names of provinces and major cities → NBS code, for split columns such as
    /// province = "Guangdong" and for English company names ("Shenzhen Branch"). Keys are lower-case, letters only.
    /// </summary>
    public static readonly FrozenDictionary<string, string> Romanized = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["beijing"] = "11", ["peking"] = "11", ["tianjin"] = "12", ["hebei"] = "13", ["shanxi"] = "14",
        ["innermongolia"] = "15", ["neimenggu"] = "15", ["neimongol"] = "15", ["liaoning"] = "21", ["jilin"] = "22",
        ["heilongjiang"] = "23", ["shanghai"] = "31", ["jiangsu"] = "32", ["zhejiang"] = "33", ["anhui"] = "34",
        ["fujian"] = "35", ["jiangxi"] = "36", ["shandong"] = "37", ["henan"] = "41", ["hubei"] = "42", ["hunan"] = "43",
        ["guangdong"] = "44", ["canton"] = "44", ["guangxi"] = "45", ["hainan"] = "46", ["chongqing"] = "50",
        ["sichuan"] = "51", ["guizhou"] = "52", ["yunnan"] = "53", ["tibet"] = "54", ["xizang"] = "54",
        ["shaanxi"] = "61", ["gansu"] = "62", ["qinghai"] = "63", ["ningxia"] = "64", ["xinjiang"] = "65",
        ["guangzhou"] = "4401", ["shenzhen"] = "4403", ["zhuhai"] = "4404", ["shantou"] = "4405", ["foshan"] = "4406",
        ["dongguan"] = "4419", ["zhongshan"] = "4420", ["hangzhou"] = "3301", ["ningbo"] = "3302", ["wenzhou"] = "3303",
        ["nanjing"] = "3201", ["wuxi"] = "3202", ["suzhou"] = "3205", ["wuhan"] = "4201", ["chengdu"] = "5101",
        ["xian"] = "6101", ["changsha"] = "4301", ["zhengzhou"] = "4101", ["jinan"] = "3701", ["qingdao"] = "3702",
        ["dalian"] = "2102", ["shenyang"] = "2101", ["harbin"] = "2301", ["changchun"] = "2201", ["fuzhou"] = "3501",
        ["xiamen"] = "3502", ["hefei"] = "3401", ["nanchang"] = "3601", ["kunming"] = "5301", ["guiyang"] = "5201",
        ["nanning"] = "4501", ["haikou"] = "4601", ["sanya"] = "4602", ["shijiazhuang"] = "1301", ["taiyuan"] = "1401",
        ["hohhot"] = "1501", ["lanzhou"] = "6201", ["xining"] = "6301", ["yinchuan"] = "6401", ["urumqi"] = "6501",
        ["lhasa"] = "5401",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Looks up a romanized name, ignoring case, spaces, punctuation and a trailing province/city/shi/sheng word.</summary>
    public static string? RomanizedCode(ReadOnlySpan<char> value)
    {
        Span<char> buf = stackalloc char[48];
        int n = 0;
        foreach (char c0 in value)
        {
            char c = TextFold.Fold(c0);
            if (!TextFold.IsAsciiLetter(c)) continue;
            if (n == buf.Length) return null;
            buf[n++] = (char)(c | 0x20);
        }
        ReadOnlySpan<char> key = buf[..n];
        foreach (string suffix in RomanizedSuffixes)
        {
            if (key.Length > suffix.Length + 3 && key.EndsWith(suffix, StringComparison.Ordinal))
            {
                key = key[..^suffix.Length];
                break;
            }
        }
        var lookup = Romanized.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(key, out string? code) ? code : null;
    }

    private static readonly string[] RomanizedSuffixes =
        ["uygurautonomousregion", "zhuangautonomousregion", "huiautonomousregion", "autonomousregion", "province",
         "municipality", "zizhiqu", "sheng", "city", "shi"];
}
