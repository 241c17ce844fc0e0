namespace Mdm.Engine.Standardization.Addresses;

/// <summary>
/// Mainland postcodes: 6 digits whose first two identify the province (10 北京, 20 上海, 51–52 广东 …). Used only to
/// tell repeated division names apart, never to invent a division the text does not name.
/// </summary>
internal static class ChinesePostcode
{
    // Postcode prefix (2 digits) → NBS province code; 0 = not assigned.
    private static readonly byte[] ProvinceByPrefix = BuildTable();

    private static byte[] BuildTable()
    {
        var t = new byte[100];
        void Set(int province, params int[] prefixes)
        {
            foreach (int p in prefixes) t[p] = (byte)province;
        }
        Set(15, 1, 2);            // 内蒙古
        Set(14, 3, 4);            // 山西
        Set(13, 5, 6, 7);         // 河北
        Set(11, 10);              // 北京
        Set(21, 11, 12);          // 辽宁
        Set(22, 13);              // 吉林
        Set(23, 15, 16);          // 黑龙江
        Set(31, 20);              // 上海
        Set(32, 21, 22);          // 江苏
        Set(34, 23, 24);          // 安徽
        Set(37, 25, 26, 27);      // 山东
        Set(12, 30);              // 天津
        Set(33, 31, 32);          // 浙江
        Set(36, 33, 34);          // 江西
        Set(35, 35, 36);          // 福建
        Set(50, 40);              // 重庆
        Set(43, 41, 42);          // 湖南
        Set(42, 43, 44);          // 湖北
        Set(41, 45, 46, 47);      // 河南
        Set(44, 51, 52);          // 广东
        Set(45, 53, 54);          // 广西
        Set(52, 55, 56);          // 贵州
        Set(46, 57);              // 海南
        Set(51, 61, 62, 63, 64);  // 四川
        Set(53, 65, 66, 67);      // 云南
        Set(61, 71, 72);          // 陕西
        Set(62, 73, 74);          // 甘肃
        Set(64, 75);              // 宁夏
        Set(63, 81);              // 青海
        Set(65, 83, 84);          // 新疆
        Set(54, 85);              // 西藏
        return t;
    }

    /// <summary>The NBS province number (44) a valid 6-digit postcode belongs to, or 0.</summary>
    public static int ProvinceOf(string? postcode)
    {
        if (postcode is null || postcode.Length != 6) return 0;
        int prefix = (postcode[0] - '0') * 10 + (postcode[1] - '0');
        return (uint)prefix < 100 ? ProvinceByPrefix[prefix] : 0;
    }

    /// <summary>A postcode column value reduced to its digits when that gives exactly 6 (" 518 057" → "518057"), else null.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        Span<char> digits = stackalloc char[6];
        int n = 0;
        foreach (char c0 in value)
        {
            char c = TextFold.Fold(c0);
            if (TextFold.IsAsciiDigit(c))
            {
                if (n == 6) return null;
                digits[n++] = c;
            }
            else if (!char.IsWhiteSpace(c) && c != '-') return null;
        }
        return n == 6 ? new string(digits) : null;
    }
}
