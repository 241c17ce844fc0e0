using System.Collections.Frozen;
using System.Text;
using Mdm.Engine.Standardization.Addresses;

namespace Mdm.Engine.Standardization.Companies;

/// <summary>
/// Splits company names into core, legal form, region and branch. Chinese names: legal forms stripped longest first,
/// region prefixes (深圳市, 深圳, 广东省深圳市) and bracketed regions ((深圳), (中国)) removed, branch suffixes
/// (XX分公司 with their region) flagged and removed. English names: lower-case tokens, legal form at the end
/// (Ltd./Limited → ltd, L.L.C. → llc, Inc. → inc …). Expects simplified Han input; thread-safe.
/// </summary>
public static class CompanyNameParser
{
    // (suffix, canonical legal form, characters kept in the core from the suffix start: 集团 stays in the core).
    private static readonly (string Suffix, string Form, int Keep)[] ChineseLegalForms =
    [
        ("集团股份有限公司", "股份有限公司", 2),
        ("集团有限责任公司", "有限责任公司", 2),
        ("股份有限公司", "股份有限公司", 0),
        ("有限责任公司", "有限责任公司", 0),
        ("集团有限公司", "有限公司", 2),
        ("个人独资企业", "个人独资企业", 0),
        ("有限公司", "有限公司", 0),
        ("股份公司", "股份有限公司", 0),
        ("集团公司", "公司", 2),
        ("合伙企业", "合伙企业", 0),
        ("经营部", "经营部", 0),
        ("公司", "公司", 0),
        ("商行", "商行", 0),
        ("厂", "厂", 0),
    ];

    // Bracketed partnership forms at the end: (有限合伙), (普通合伙), (特殊普通合伙).
    private static readonly FrozenSet<string> BracketForms =
        new[] { "有限合伙", "普通合伙", "特殊普通合伙" }.ToFrozenSet(StringComparer.Ordinal);

    // Branch kinds, longest first.
    private static readonly string[] ChineseBranches =
        ["分公司", "营业部", "营业所", "分理处", "办事处", "代表处", "分行", "支行", "分店", "分厂", "分部", "分所"];

    // Legal-form tokens that close the head company in a branch name (…有限公司深圳分公司) besides 银行.
    private static readonly string[] HeadEnds = ["股份有限公司", "有限责任公司", "有限公司", "公司", "银行"];

    // Words that alone do not identify a company: a region is kept in front of them (上海银行, 江西铜业, 北京大学).
    private static readonly FrozenSet<string> GenericWords = new[]
    {
        "银行", "商业银行", "农商银行", "农村商业银行", "发展银行", "证券", "保险", "信托", "基金", "期货", "投资", "控股",
        "集团", "实业", "科技", "技术", "贸易", "商贸", "电子", "汽车", "建设", "建筑", "建工", "置业", "地产", "房地产",
        "物业", "物流", "发展", "电力", "电信", "移动", "联通", "能源", "化工", "医药", "制药", "机械", "纺织", "食品",
        "农业", "矿业", "铜业", "钢铁", "石油", "石化", "燃气", "水务", "交通", "航空", "旅游", "传媒", "文化", "教育",
        "大学", "学院", "医院", "中学", "小学", "酒店", "宾馆", "饭店", "机场", "港务", "供电", "日报", "电视台", "城建",
        "城投", "国资", "国投", "水利", "电网", "烟草", "盐业", "邮政", "铁路", "公交", "地铁", "高速", "公路", "煤业",
        "煤矿", "国际", "工业", "商业", "服务", "咨询", "管理", "网络", "信息", "软件", "新材料", "材料", "环保", "环境",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GenericWordLookup =
        GenericWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static AddressParser Addresses => AddressParser.Default;

    /// <summary>Parses a company name; null for null or blank input.</summary>
    public static CompanyName? Parse(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        return TextFold.ContainsHan(name) ? ParseChinese(name) : ParseLatin(name);
    }

    private static CompanyName ParseChinese(string name)
    {
        // Working text: folded, lower-case Latin, only letters/digits/Han and brackets.
        var sb = new StringBuilder(name.Length);
        foreach (char c0 in name)
        {
            char c = TextFold.Fold(c0);
            if (c is '(' or '[' or '{') sb.Append('(');
            else if (c is ')' or ']' or '}') sb.Append(')');
            else if (char.IsLetterOrDigit(c) || TextFold.IsHan(c)) sb.Append(char.ToLowerInvariant(c));
        }
        string work = sb.ToString();
        string normalized = work.Replace("(", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal);

        DivisionNode? region = null;
        string? legalForm = null;
        work = ResolveBrackets(work, ref region, ref legalForm);

        bool isBranch = false;
        string? branchKind = null;
        DivisionNode? branchRegion = null;
        foreach (string kind in ChineseBranches)
        {
            if (work.Length > kind.Length && work.EndsWith(kind, StringComparison.Ordinal))
            {
                isBranch = true;
                branchKind = kind;
                work = SplitBranch(work, work.Length - kind.Length, out branchRegion);
                break;
            }
        }

        if (legalForm is not null && work.EndsWith("合伙企业", StringComparison.Ordinal) && work.Length > 4)
            work = work[..^4];
        foreach (var (suffix, form, keep) in ChineseLegalForms)
        {
            if (work.Length > suffix.Length && work.EndsWith(suffix, StringComparison.Ordinal))
            {
                legalForm ??= form;
                work = work[..(work.Length - suffix.Length + keep)];
                break;
            }
        }

        work = StripRegionPrefix(work, ref region);
        string core = work.Length > 0 ? work : normalized;
        DivisionNode? code = region ?? branchRegion;
        return new CompanyName(normalized, core, legalForm ?? branchKind, code?.Code, isBranch);
    }

    /// <summary>
    /// Removes bracketed regions ((深圳), (广东深圳), (中国)) and partnership forms ((有限合伙)); other brackets are
    /// unwrapped ((集团) → 集团).
    /// </summary>
    private static string ResolveBrackets(string work, ref DivisionNode? region, ref string? legalForm)
    {
        if (!work.Contains('(') && !work.Contains(')')) return work;
        var sb = new StringBuilder(work.Length);
        int i = 0;
        while (i < work.Length)
        {
            char c = work[i];
            if (c == '(')
            {
                int close = work.IndexOf(')', i + 1);
                if (close < 0) { i++; continue; }
                string content = work[(i + 1)..close];
                if (content.Length == 0 || content == "中国" || content == "中华人民共和国") { }
                else if (BracketForms.Contains(content)) legalForm ??= content;
                else if (WholeRegion(content) is { } node)
                {
                    if (region is null || node.Level > region.Level) region = node;
                }
                else sb.Append(content);
                i = close + 1;
                continue;
            }
            if (c != ')') sb.Append(c);
            i++;
        }
        return sb.ToString();
    }

    /// <summary>The division a text consists of entirely (深圳, 广东深圳, 深圳市南山区), or null.</summary>
    private static DivisionNode? WholeRegion(string text)
    {
        DivisionState state = default;
        int end = Addresses.Matcher.MatchRun(text, 0, ref state, 0, MatchMode.Company, out _);
        return end == text.Length ? Named(in state) : null;
    }

    /// <summary>The most specific division actually named: 中山 is the city 4420, not its same-named county 442000.</summary>
    private static DivisionNode? Named(in DivisionState state)
    {
        if (state.Township is { } t) return t;
        if (state.County is { } k && !ReferenceEquals(state.City?.SameNameCounty, k)) return k;
        return state.City ?? state.Province;
    }

    /// <summary>
    /// Splits "head + region + 分公司": the head ends at its last legal form (…有限公司) or first 银行; else the
    /// region right before the branch word is cut off. Returns the head; the branch's region goes out.
    /// </summary>
    private static string SplitBranch(string work, int kindStart, out DivisionNode? branchRegion)
    {
        branchRegion = null;
        int headEnd = -1;
        foreach (string end in HeadEnds)
        {
            int at = end == "银行" ? work.IndexOf(end, StringComparison.Ordinal) : work.LastIndexOf(end, kindStart - 1, StringComparison.Ordinal);
            if (at > 0 && at + end.Length <= kindStart)
            {
                headEnd = at + end.Length;
                break;
            }
        }
        if (headEnd > 0)
        {
            string branch = work[headEnd..kindStart];
            DivisionState state = default;
            Addresses.Matcher.MatchRun(branch, 0, ref state, 0, MatchMode.Company, out _);
            branchRegion = Named(in state);
            return work[..headEnd];
        }
        // No legal form: 腾达科技深圳分公司 → cut the longest region name that ends right before the branch word.
        string head = work[..kindStart];
        for (int start = Math.Max(1, head.Length - 12); start <= head.Length - 2; start++)
        {
            DivisionState state = default;
            DivisionHit hit = Addresses.Matcher.FindAt(head, start, in state, 0, 0, MatchMode.Company, lookahead: false);
            if (hit.Node is not null && start + hit.Length == head.Length)
            {
                branchRegion = hit.Node;
                return head[..start];
            }
        }
        return head;
    }

    /// <summary>
    /// Removes leading division names (深圳市, 广东省深圳市, 深圳) and records the region; the name stays in the core
    /// when only generic words would remain (上海银行).
    /// </summary>
    private static string StripRegionPrefix(string work, ref DivisionNode? region)
    {
        if (work.Length < 3) return work;
        DivisionState state = default;
        int end = Addresses.Matcher.MatchRun(work, 0, ref state, 0, MatchMode.Company, out int ambiguous);
        end += ambiguous;
        if (end == 0 || end >= work.Length - 1) return work;
        string rest = work[end..];
        if (Named(in state) is { } node && (region is null || node.Level > region.Level)) region = node;
        return IsGenericOnly(rest) ? work : rest;
    }

    private static bool IsGenericOnly(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            int best = 0;
            for (int len = Math.Min(6, text.Length - i); len >= 2; len--)
            {
                if (GenericWordLookup.Contains(text.AsSpan(i, len)))
                {
                    best = len;
                    break;
                }
            }
            if (best == 0) return false;
            i += best;
        }
        return true;
    }

    // ---- Latin names -------------------------------------------------------------------------------------------

    // Token sequences at the end of a name → canonical legal form; longest first.
    private static readonly (string[] Tokens, string Form)[] LatinLegalForms =
    [
        (["gmbh", "and", "co", "kg"], "gmbh & co kg"),
        (["public", "limited", "company"], "plc"),
        (["limited", "liability", "company"], "llc"),
        (["limited", "liability", "partnership"], "llp"),
        (["co", "ltd"], "ltd"), (["co", "limited"], "ltd"), (["company", "limited"], "ltd"), (["company", "ltd"], "ltd"),
        (["pte", "ltd"], "ltd"), (["pty", "ltd"], "ltd"), (["pvt", "ltd"], "ltd"), (["private", "limited"], "ltd"),
        (["l", "l", "c"], "llc"), (["l", "l", "p"], "llp"), (["s", "a"], "sa"), (["b", "v"], "bv"), (["n", "v"], "nv"),
        (["limited"], "ltd"), (["ltd"], "ltd"), (["llc"], "llc"), (["inc"], "inc"), (["incorporated"], "inc"),
        (["corp"], "corp"), (["corporation"], "corp"), (["co"], "co"), (["company"], "co"), (["plc"], "plc"),
        (["gmbh"], "gmbh"), (["ag"], "ag"), (["kg"], "kg"), (["sa"], "sa"), (["bv"], "bv"), (["nv"], "nv"),
        (["llp"], "llp"), (["lp"], "lp"), (["srl"], "srl"), (["sarl"], "sarl"), (["spa"], "spa"), (["oy"], "oy"),
        (["ab"], "ab"), (["kk"], "kk"),
    ];

    private static readonly FrozenSet<string> LatinGenericWords = new[]
    {
        "bank", "university", "college", "hospital", "group", "holdings", "holding", "company", "technology",
        "technologies", "trading", "investment", "investments", "development", "industries", "industry", "international",
        "insurance", "securities", "airlines", "airport", "energy", "power", "telecom", "mobile", "and", "of", "the",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static CompanyName ParseLatin(string name)
    {
        // Tokens: lower-case letter/digit runs, '&' → "and", with a flag for "inside brackets".
        var tokens = new List<(string Text, bool Bracketed)>(8);
        var token = new StringBuilder(16);
        int depth = 0;
        for (int i = 0; i <= name.Length; i++)
        {
            char c = i < name.Length ? TextFold.Fold(name[i]) : ' ';
            if (char.IsLetterOrDigit(c))
            {
                token.Append(char.ToLowerInvariant(c));
                continue;
            }
            if (c is '\'' or '\u2019') continue; // Macy's → macys
            if (token.Length > 0)
            {
                tokens.Add((token.ToString(), depth > 0));
                token.Clear();
            }
            if (c == '&') tokens.Add(("and", depth > 0));
            else if (c is '(' or '[') depth++;
            else if (c is ')' or ']' && depth > 0) depth--;
        }

        // Normalized: every token, the last legal form in canonical spelling ("co., ltd." → ltd).
        var normalized = new List<string>(tokens.Count);
        foreach (var t in tokens) normalized.Add(t.Text);
        if (LastLegalForm(normalized) is var (fs, fe, canonical) && fe > 0)
        {
            normalized.RemoveRange(fs, fe - fs);
            normalized.Insert(fs, canonical);
        }

        // Bracketed groups: a region ((Shenzhen), (China)) is removed; other brackets are unwrapped.
        string? regionCode = null;
        var words = new List<string>(tokens.Count);
        for (int i = 0; i < tokens.Count;)
        {
            if (!tokens[i].Bracketed)
            {
                words.Add(tokens[i++].Text);
                continue;
            }
            int j = i;
            var group = new StringBuilder();
            while (j < tokens.Count && tokens[j].Bracketed) group.Append(tokens[j++].Text);
            string g = group.ToString();
            string? code = g is "china" or "prc" ? "" : DivisionNames.RomanizedCode(g);
            if (code is null)
            {
                for (int k = i; k < j; k++) words.Add(tokens[k].Text);
            }
            else if (code.Length > 0) regionCode ??= code;
            i = j;
        }

        bool isBranch = false;
        string? branchRegion = null;
        if (words.Count > 1 && words[^1] == "branch")
        {
            isBranch = true;
            words.RemoveAt(words.Count - 1);
            // "Acme Ltd Shenzhen Branch": what follows the head's legal form is the branch's region.
            var (_, cut, _) = LastLegalForm(words);
            if (cut > 0 && cut < words.Count)
            {
                var region = new StringBuilder();
                for (int k = cut; k < words.Count; k++) region.Append(words[k]);
                branchRegion = DivisionNames.RomanizedCode(region.ToString());
                words.RemoveRange(cut, words.Count - cut);
            }
            else if (words.Count > 1 && DivisionNames.RomanizedCode(words[^1]) is { } code)
            {
                branchRegion = code;
                words.RemoveAt(words.Count - 1);
            }
        }

        string? legalForm = null;
        int formStart = words.Count;
        foreach (var (formTokens, form) in LatinLegalForms)
        {
            if (words.Count > formTokens.Length && EndsWith(words, words.Count, formTokens))
            {
                legalForm = form;
                formStart = words.Count - formTokens.Length;
                break;
            }
        }
        var core = words.GetRange(0, formStart);
        while (core.Count > 1 && core[^1] == "and") core.RemoveAt(core.Count - 1); // "Smith & Co"
        if (core.Count > 1 && core[0] == "the") core.RemoveAt(0);
        if (core.Count > 1 && DivisionNames.RomanizedCode(core[0]) is { } prefix && !AllGeneric(core, 1))
        {
            regionCode ??= prefix;
            core.RemoveAt(0);
        }
        return new CompanyName(string.Join(' ', normalized), string.Join(' ', core), legalForm, regionCode ?? branchRegion, isBranch);
    }

    /// <summary>The last legal-form token run not at the very start: (start, end, canonical form), end = 0 if none.</summary>
    private static (int Start, int End, string Form) LastLegalForm(List<string> words)
    {
        for (int end = words.Count; end >= 2; end--)
        {
            foreach (var (formTokens, form) in LatinLegalForms)
            {
                if (end - formTokens.Length >= 1 && EndsWith(words, end, formTokens)) return (end - formTokens.Length, end, form);
            }
        }
        return (0, 0, "");
    }

    private static bool EndsWith(List<string> words, int end, string[] suffix)
    {
        int offset = end - suffix.Length;
        if (offset < 0) return false;
        for (int i = 0; i < suffix.Length; i++)
        {
            if (words[offset + i] != suffix[i]) return false;
        }
        return true;
    }

    private static bool AllGeneric(List<string> words, int from)
    {
        for (int i = from; i < words.Count; i++)
        {
            if (!LatinGenericWords.Contains(words[i])) return false;
        }
        return true;
    }
}
