using System.Collections.Frozen;

namespace Mdm.Benchmarks.Generator.ReferenceData;

/// <summary>A surname with its (surname) reading and a relative frequency.</summary>
internal sealed record Surname(string Chinese, string Pinyin, int Weight);

/// <summary>A whole given name from the popular list (1-2 characters) with a relative frequency.</summary>
internal sealed record PopularGivenName(string Chinese, bool Male, int Weight);

/// <summary>
/// Chinese person names. Surname weights approximate the published population shares (per ten thousand; the
/// head 王 李 张 刘 陈 covers about 30 %). Popular given names are the well-known most common ones, so that many
/// different people share a full name such as 张伟 or 王芳 (the classic hard negative). Readings are from
/// hanzi_pinyin (pinyin@4.0.0, MIT), using surname readings where they differ.
/// </summary>
internal static class ChineseNames
{
    public static readonly Surname[] Surnames = ParseSurnames(
        "王:Wang:725 李:Li:719 张:Zhang:679 刘:Liu:538 陈:Chen:453 杨:Yang:308 黄:Huang:223 赵:Zhao:229 吴:Wu:205 " +
        "周:Zhou:199 徐:Xu:132 孙:Sun:126 马:Ma:123 朱:Zhu:121 胡:Hu:114 郭:Guo:113 何:He:106 高:Gao:100 林:Lin:97 " +
        "罗:Luo:86 郑:Zheng:83 梁:Liang:82 谢:Xie:72 宋:Song:67 唐:Tang:64 许:Xu:62 韩:Han:60 冯:Feng:60 邓:Deng:58 " +
        "曹:Cao:57 彭:Peng:52 曾:Zeng:51 肖:Xiao:50 田:Tian:48 董:Dong:47 袁:Yuan:45 潘:Pan:45 于:Yu:44 蒋:Jiang:43 " +
        "蔡:Cai:42 余:Yu:41 杜:Du:40 叶:Ye:39 程:Cheng:38 苏:Su:37 魏:Wei:36 吕:Lü:35 丁:Ding:34 任:Ren:33 沈:Shen:32 " +
        "姚:Yao:31 卢:Lu:30 姜:Jiang:29 崔:Cui:28 钟:Zhong:27 谭:Tan:26 陆:Lu:25 汪:Wang:24 范:Fan:23 金:Jin:22 " +
        "石:Shi:21 廖:Liao:20 贾:Jia:19 夏:Xia:18 韦:Wei:17 付:Fu:16 方:Fang:15 白:Bai:14 邹:Zou:13 孟:Meng:12 " +
        "熊:Xiong:11 秦:Qin:10 邱:Qiu:10 江:Jiang:10 尹:Yin:9 薛:Xue:9 闫:Yan:9 段:Duan:8 雷:Lei:8 侯:Hou:8 龙:Long:8 " +
        "史:Shi:7 陶:Tao:7 黎:Li:7 贺:He:7 顾:Gu:6 毛:Mao:6 郝:Hao:6 龚:Gong:6 邵:Shao:6 万:Wan:6 钱:Qian:5 严:Yan:5 " +
        "覃:Qin:5 武:Wu:5 戴:Dai:5 莫:Mo:5 孔:Kong:4 向:Xiang:4 汤:Tang:4 欧阳:Ouyang:3 司马:Sima:1 上官:Shangguan:1 诸葛:Zhuge:1");

    /// <summary>The most common given names; drawn for about a third of people.</summary>
    public static readonly PopularGivenName[] PopularGivenNames = ParsePopular(
        "伟:m:30 芳:f:28 娜:f:25 秀英:f:24 敏:f:24 静:f:24 丽:f:22 强:m:20 磊:m:20 军:m:19 洋:m:18 勇:m:18 艳:f:18 " +
        "杰:m:17 娟:f:16 涛:m:16 明:m:15 超:m:15 秀兰:f:14 霞:f:14 平:m:13 刚:m:13 桂英:f:12 华:m:10 玲:f:10 辉:m:10 " +
        "鹏:m:9 斌:m:9 婷:f:9 建华:m:8 建国:m:8 丹:f:8 红:f:8 波:m:8 宇:m:7 浩:m:7 玉兰:f:7 燕:f:7 凤英:f:6 志强:m:6 " +
        "海燕:f:5 晶:f:5 欣怡:f:5 子轩:m:5 浩然:m:5 梓涵:f:5 雨萱:f:4 俊杰:m:4");

    /// <summary>Characters combined into less common one- and two-character given names.</summary>
    public const string MaleChars = "建国志文华明永海俊浩宇子轩博晨鹏辉斌鑫峰立新德成东林家金庆春光荣天正振健忠兴昊思远嘉毅凯亮晓泽宏伦彬帆";
    public const string FemaleChars = "秀丽美玉婷雪梅兰琳欣怡佳慧颖雅晶蕾倩菲莉萍红霞凤燕月晓彩芸静洁瑶璐佩雨诗涵梦思可婉";

    /// <summary>Toneless readings of every given-name character above (ü written as "ü").</summary>
    public static readonly FrozenDictionary<char, string> GivenCharPinyin = ParseCharPinyin(
        "伟wei 芳fang 娜na 秀xiu 英ying 敏min 静jing 丽li 强qiang 磊lei 军jun 洋yang 勇yong 艳yan 杰jie 娟juan " +
        "涛tao 明ming 超chao 兰lan 霞xia 平ping 刚gang 桂gui 华hua 玲ling 辉hui 鹏peng 斌bin 婷ting 建jian 国guo " +
        "丹dan 红hong 波bo 宇yu 浩hao 玉yu 燕yan 凤feng 志zhi 海hai 晶jing 欣xin 怡yi 子zi 轩xuan 然ran 梓zi " +
        "涵han 雨yu 萱xuan 俊jun 文wen 永yong 博bo 晨chen 鑫xin 峰feng 立li 新xin 德de 成cheng 东dong 林lin " +
        "家jia 金jin 庆qing 春chun 光guang 荣rong 天tian 正zheng 振zhen 健jian 忠zhong 兴xing 昊hao 思si " +
        "远yuan 嘉jia 毅yi 凯kai 亮liang 晓xiao 泽ze 宏hong 伦lun 彬bin 帆fan 美mei 雪xue 梅mei 琳lin 佳jia " +
        "慧hui 颖ying 雅ya 蕾lei 倩qian 菲fei 莉li 萍ping 月yue 彩cai 芸yun 洁jie 瑶yao 璐lu 佩pei 诗shi " +
        "梦meng 可ke 婉wan");

    /// <summary>
    /// Homophone (or near-homophone) typos a clerk makes with a pinyin input method: 伟→玮, 芳→方.
    /// Keys are given-name or surname characters; values are the wrong characters typed instead.
    /// </summary>
    public static readonly FrozenDictionary<char, string> Homophones = new Dictionary<char, string>
    {
        ['伟'] = "玮炜卫", ['芳'] = "方舫", ['娜'] = "那", ['敏'] = "民闽", ['静'] = "晶婧", ['丽'] = "莉立",
        ['强'] = "蔷", ['磊'] = "蕾", ['军'] = "君", ['洋'] = "阳", ['勇'] = "永", ['艳'] = "燕", ['杰'] = "洁",
        ['娟'] = "鹃", ['涛'] = "滔", ['明'] = "鸣", ['超'] = "潮", ['霞'] = "侠", ['平'] = "萍", ['刚'] = "钢",
        ['英'] = "瑛", ['兰'] = "岚", ['华'] = "桦", ['玲'] = "琳", ['辉'] = "晖", ['鹏'] = "朋", ['斌'] = "彬",
        ['婷'] = "亭", ['红'] = "虹", ['波'] = "博", ['宇'] = "雨", ['浩'] = "昊", ['燕'] = "艳", ['晶'] = "静",
        ['建'] = "健", ['志'] = "智", ['文'] = "雯", ['俊'] = "峻", ['峰'] = "锋", ['林'] = "琳", ['东'] = "冬",
        ['成'] = "诚", ['家'] = "佳", ['新'] = "鑫", ['立'] = "力", ['琳'] = "林", ['欣'] = "新", ['怡'] = "仪",
        ['慧'] = "惠", ['颖'] = "莹", ['雅'] = "亚", ['倩'] = "茜", ['萍'] = "平", ['月'] = "悦", ['洁'] = "杰",
        ['瑶'] = "遥", ['梅'] = "媚", ['雪'] = "学", ['玉'] = "钰", ['桂'] = "贵", ['凤'] = "风",
        // surnames (rarer): 张→章, 王→汪; 肖/萧 are used interchangeably in real registers
        ['张'] = "章", ['王'] = "汪", ['刘'] = "柳", ['杨'] = "扬", ['徐'] = "许", ['许'] = "徐", ['吴'] = "伍",
        ['李'] = "黎", ['肖'] = "萧", ['陈'] = "程",
    }.ToFrozenDictionary();

    private static Surname[] ParseSurnames(string spec)
    {
        var parts = spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = new Surname[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var p = parts[i].Split(':');
            result[i] = new Surname(p[0], p[1], int.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture));
        }
        return result;
    }

    private static PopularGivenName[] ParsePopular(string spec)
    {
        var parts = spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = new PopularGivenName[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var p = parts[i].Split(':');
            result[i] = new PopularGivenName(p[0], p[1] == "m", int.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture));
        }
        return result;
    }

    private static FrozenDictionary<char, string> ParseCharPinyin(string spec)
    {
        var d = new Dictionary<char, string>();
        foreach (var item in spec.Split(' ', StringSplitOptions.RemoveEmptyEntries)) d[item[0]] = item[1..];
        return d.ToFrozenDictionary();
    }
}
