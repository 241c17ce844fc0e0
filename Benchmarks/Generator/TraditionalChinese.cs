using System.Text;

namespace Mdm.Benchmarks.Generator;

/// <summary>
/// Simplified → Traditional for exactly the characters this generator emits (names, divisions, roads, buildings,
/// address words). Derived from OpenCC 1.4.2 STCharacters.txt (Apache-2.0), first candidate, with corrections where
/// the first candidate is wrong for names and places: surnames 于 余 范 沈 and places 干将 三里 海淀 keep their
/// character; 艷 and 眾 as written in Hong Kong. A few place names need a phrase (沈阳 → 瀋陽, 余杭 → 餘杭).
/// </summary>
internal static class TraditionalChinese
{
    private const string Pairs =
        "万萬业業东東两兩严嚴个個丰豐临臨丽麗义義乌烏乡鄉书書云雲亚亞产產仓倉仪儀众眾伟偉传傳伦倫体體侠俠侣侶侨僑儿兒兰蘭关關兴興" +
        "内內军軍冯馮凤鳳凯凱刘劉刚剛创創劝勸务務区區医醫华華单單卢盧卫衛历歷厦廈县縣双雙发發台臺叶葉号號吕呂启啓吴吳咨諮团團园園" +
        "国國图圖场場坞塢壮壯备備复復头頭奋奮孙孫学學宁寧宝寶实實宾賓将將尔爾层層岗崗岚嵐岛島岭嶺广廣庄莊庆慶庙廟开開张張强強恒恆" +
        "恺愷悦悅扬揚护護斗鬥无無时時晋晉晓曉晖暉术術机機杨楊杰傑栋棟桥橋桦樺梦夢楼樓欧歐汇匯汉漢汤湯沧滄泽澤洁潔浆漿济濟涛濤润潤" +
        "温溫湾灣滨濱潍濰潜潛炜煒烟煙玮瑋环環瑶瑤电電盘盤禅禪积積窝窩粤粵红紅纪紀纳納细細经經结結络絡绣繡维維绿綠网網罗羅职職联聯" +
        "肃肅胜勝腾騰艳艷艺藝苏蘇荆荊荡蕩荣榮药藥莲蓮莹瑩营營萧蕭萨薩蒋蔣蓝藍蔷薔装裝观觀许許设設诗詩诚誠询詢诸諸谊誼谢謝谭譚财財" +
        "责責贵貴贸貿贺賀贾賈资資赵趙车車轩軒辉輝辽遼达達进進远遠遥遙邓鄧邹鄒郑鄭钟鍾钢鋼钰鈺钱錢银銀锋鋒锐銳锡錫锦錦镇鎮长長门門" +
        "闫閆闽閩阁閣阊閶阳陽陆陸陈陳陕陝静靜韦韋韩韓顶頂顺順顾顧颖穎风風饮飲饰飾马馬鲁魯鸣鳴鸿鴻鹃鵑鹏鵬鹭鷺麦麥黄黃齐齊龙龍龚龔";

    private static readonly (string Simplified, string Traditional)[] Phrases =
        [("沈阳", "瀋陽"), ("余杭", "餘杭"), ("余姚", "餘姚")];

    private const char First = '\u4E00';
    private static readonly char[] Map = BuildMap();

    private static char[] BuildMap()
    {
        var map = new char[0x9FFF - First + 1];
        for (var i = 0; i < Pairs.Length; i += 2) map[Pairs[i] - First] = Pairs[i + 1];
        return map;
    }

    /// <summary>True if the character has a different traditional form in the table.</summary>
    public static bool HasTraditionalForm(char c) => c >= First && c <= '\u9FFF' && Map[c - First] != '\0';

    public static string Convert(string simplified)
    {
        var text = simplified;
        foreach (var (s, t) in Phrases)
            if (text.Contains(s, StringComparison.Ordinal)) text = text.Replace(s, t, StringComparison.Ordinal);
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length && !HasTraditionalForm(span[i])) i++;
        if (i == span.Length) return text;
        var sb = new StringBuilder(text.Length);
        sb.Append(span[..i]);
        for (; i < span.Length; i++)
        {
            var c = span[i];
            sb.Append(HasTraditionalForm(c) ? Map[c - First] : c);
        }
        return sb.ToString();
    }
}
