using System.Collections.Frozen;

namespace Mdm.Benchmarks.Generator.ReferenceData;

/// <summary>A line of business: the Chinese word in the company name, its English, and a romanized slug for e-mail domains.</summary>
internal sealed record Industry(string Chinese, string English, string Slug);

/// <summary>Parts of Chinese company names: 深圳市 + 腾达 (brand) + 科技 (industry) + 有限公司 (legal form).</summary>
internal static class CompanyNames
{
    /// <summary>First and second brand characters with their readings; brands are two-character combinations.</summary>
    public static readonly (char Char, string Pinyin)[] BrandFirst = ParsePairs(
        "腾teng 华hua 鑫xin 金jin 宏hong 恒heng 瑞rui 永yong 新xin 博bo 天tian 中zhong 海hai 东dong 盛sheng 嘉jia " +
        "富fu 利li 万wan 安an 鼎ding 益yi 信xin 佳jia 明ming 德de 创chuang 众zhong 百bai 卓zhuo 远yuan 凯kai 宝bao " +
        "长chang 银yin 蓝lan 星xing 智zhi 立li 顺shun 启qi 兴xing 泰tai 丰feng 合he 汇hui 通tong 达da 源yuan 成cheng 隆long");

    public static readonly (char Char, string Pinyin)[] BrandSecond = ParsePairs(
        "达da 盛sheng 源yuan 鼎ding 图tu 通tong 丰feng 辉hui 宇yu 远yuan 和he 联lian 纳na 方fang 世shi 禾he 华hua " +
        "民min 业ye 泰tai 康kang 信xin 诚cheng 川chuan 越yue 航hang 瑞rui 城cheng 河he 海hai 辰chen 杰jie 荣rong " +
        "发fa 润run 祥xiang");

    public static readonly Industry[] Industries =
    [
        new("科技", "Technology", "tech"), new("贸易", "Trading", "trade"), new("实业", "Industrial", "shiye"),
        new("建设工程", "Construction Engineering", "jianshe"), new("电子", "Electronics", "dianzi"),
        new("物流", "Logistics", "wuliu"), new("餐饮管理", "Catering Management", "canyin"),
        new("文化传媒", "Culture Media", "media"), new("信息技术", "Information Technology", "it"),
        new("投资", "Investment", "touzi"), new("商贸", "Commerce", "shangmao"), new("食品", "Food", "shipin"),
        new("服装", "Garment", "fuzhuang"), new("医药", "Pharmaceutical", "yiyao"),
        new("房地产开发", "Real Estate Development", "dichan"), new("机械设备", "Machinery", "jixie"),
        new("环保科技", "Environmental Technology", "huanbao"), new("网络科技", "Network Technology", "wangluo"),
        new("教育咨询", "Education Consulting", "jiaoyu"), new("装饰工程", "Decoration Engineering", "zhuangshi"),
    ];

    /// <summary>Legal forms with relative frequencies and English equivalents.</summary>
    public static readonly (string Chinese, string English, int Weight)[] LegalForms =
    [
        ("有限公司", "Co., Ltd.", 70), ("有限责任公司", "Co., Ltd.", 15), ("股份有限公司", "Co., Ltd.", 10), ("集团有限公司", "Group Co., Ltd.", 5),
    ];

    /// <summary>Typos a clerk makes in brand characters (homophones).</summary>
    public static readonly FrozenDictionary<char, char> BrandHomophones = new Dictionary<char, char>()
    {
        ['腾'] = '藤', ['鑫'] = '新', ['宏'] = '弘', ['恒'] = '衡', ['瑞'] = '锐', ['盛'] = '胜', ['源'] = '元',
        ['图'] = '途', ['辉'] = '晖', ['远'] = '源', ['丰'] = '峰', ['华'] = '桦', ['达'] = '大', ['信'] = '鑫',
        ['鼎'] = '顶', ['诚'] = '城', ['祥'] = '翔', ['凯'] = '恺', ['泰'] = '太',
    }.ToFrozenDictionary();

    public static readonly string[] MailboxNames = ["info", "sales", "service", "admin", "hr", "contact", "finance"];

    private static (char, string)[] ParsePairs(string spec)
    {
        var parts = spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = new (char, string)[parts.Length];
        for (var i = 0; i < parts.Length; i++) result[i] = (parts[i][0], parts[i][1..]);
        return result;
    }
}
