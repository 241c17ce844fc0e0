using Mdm.Engine.Records;
using Mdm.Engine.Scoring;
using Mdm.Engine.Standardization;

namespace Mdm.Tests.Scoring;

/// <summary>The "latin" test and the source_system feature, as the default configuration uses them.</summary>
public class ScriptAndSystemLevelTests
{
    private static readonly MatchingConfiguration Configuration = new()
    {
        Comparisons =
        [
            new()
            {
                Name = "name", Kind = PartyKind.Person,
                Levels =
                [
                    new() { Label = "exact", Test = "exact", Field = "name" },
                    new() { Label = "fuzzy_latin", All = [new() { Test = "latin", Field = "name" }, new() { Test = "jaro_winkler", Field = "name_pinyin_key", Threshold = 0.92 }] },
                    new() { Label = "fuzzy", Test = "jaro_winkler", Field = "name_pinyin_key", Threshold = 0.92 },
                ],
            },
            new()
            {
                Name = "phone",
                Levels =
                [
                    new() { Label = "shared", Test = "overlap", Field = "phones" },
                    new() { Label = "differ_in_one_system", Test = "exact", Field = "source_system", Cap = 0.9 },
                ],
                CapWaivedWhen = [new() { Comparison = "birth_date", Levels = ["exact"] }, new() { Comparison = "credit_code", Levels = ["exact"] }],
            },
            new() { Name = "birth_date", Kind = PartyKind.Person, Levels = [new() { Label = "exact", Test = "exact", Field = "birth_date" }] },
            new() { Name = "credit_code", Kind = PartyKind.Organization, Levels = [new() { Label = "exact", Test = "exact", Field = "credit_code" }] },
            new() { Name = "address", Levels = [new() { Label = "exact", Test = "exact", Field = "address" }] },
        ],
    };

    private static PairScorer Scorer()
    {
        var scorer = new PairScorer(Configuration);
        scorer.SetModel(new FellegiSunterModel
        {
            Kind = PartyKind.Person,
            Lambda = 0.001,
            Comparisons =
            [
                new() { Name = "name", Levels = ["exact", "fuzzy_latin", "fuzzy", "else"], M = [0.8, 0.1, 0.05, 0.05], U = [0.0001, 0.0002, 0.002, 0.9977] },
                new() { Name = "phone", Levels = ["shared", "differ_in_one_system", "else"], M = [0.7, 0.05, 0.25], U = [0.00001, 0.3, 0.69999] },
                new() { Name = "birth_date", Levels = ["exact", "else"], M = [0.9, 0.1], U = [0.0001, 0.9999] },
                new() { Name = "address", Levels = ["exact", "else"], M = [0.7, 0.3], U = [0.00001, 0.99999] },
            ],
        });
        return scorer;
    }

    private static StandardizedRecord Person(string system, string key, string name, string pinyinKey, string? phone = null,
        string? birth = null)
    {
        var r = new StandardizedRecord(system, key, PartyKind.Person);
        r[Feature.Name] = name;
        r[Feature.NamePinyinKey] = pinyinKey;
        r[Feature.Phones] = phone;
        r[Feature.BirthDate] = birth;
        r[Feature.Address] = "广东省深圳市南山区科技园路12号";
        return r;
    }

    [Test]
    public void Similar_latin_spellings_are_a_typo_level_similar_han_names_another()
    {
        var scorer = Scorer();
        var murphy = Person("crm", "1", "murphy hannah", "hannah murphy");
        var typo = Person("A", "2", "murpyh hannah", "hannah murpyh");
        Assert.That(PairScorer.LevelOf(scorer.Pattern(murphy, typo), 0), Is.EqualTo(1), "fuzzy_latin");
        var pengYang = Person("counter", "3", "彭洋", "peng yang");
        var pengPeng = Person("counter", "4", "彭鹏", "peng peng");
        Assert.That(PairScorer.LevelOf(scorer.Pattern(pengYang, pengPeng), 0), Is.EqualTo(2), "fuzzy");
        var romanized = Person("crm", "5", "peng peng", "peng peng");
        Assert.That(PairScorer.LevelOf(scorer.Pattern(pengYang, romanized), 0), Is.EqualTo(2), "one side Han: fuzzy");
    }

    [Test]
    public void Different_phones_in_one_system_cap_at_review_across_systems_they_do_not()
    {
        var scorer = Scorer();
        var father = Person("counter", "1", "张伟", "wei zhang", "+8613800000001");
        var son = Person("counter", "2", "张伟", "wei zhang", "+8613900000002");
        Assert.That(scorer.Probability(father, son), Is.LessThanOrEqualTo(0.9 + 1e-9));
        Assert.That(scorer.Explain(father, son).CappedBy, Is.EqualTo("phone"));

        var crm = Person("crm", "3", "张伟", "wei zhang", "+8613900000002");
        Assert.That(PairScorer.LevelOf(scorer.Pattern(father, crm), 1), Is.EqualTo(2), "else: another system");
        Assert.That(scorer.Probability(father, crm), Is.GreaterThan(0.95));
    }

    [Test]
    public void Same_birth_date_waives_the_one_system_phone_cap()
    {
        var scorer = Scorer();
        var a = Person("counter", "1", "张伟", "wei zhang", "+8613800000001", "1984-08-10");
        var b = Person("counter", "2", "张伟", "wei zhang", "+8613900000002", "1984-08-10");
        Assert.That(scorer.Probability(a, b), Is.GreaterThan(0.95));
    }

    [Test]
    public void Every_standardized_record_carries_its_system()
    {
        var record = new StandardizedRecord("hk_desk", "K1", PartyKind.Person);
        Assert.That(record[Feature.SourceSystem], Is.EqualTo("hk_desk"));
    }
}
