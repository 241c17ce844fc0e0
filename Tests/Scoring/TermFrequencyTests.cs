using Mdm.Engine.Records;
using Mdm.Engine.Scoring;
using Mdm.Engine.Standardization;

namespace Mdm.Tests.Scoring;

public class TermFrequencyTests
{
    private static StandardizedRecord Named(string key, string name) => new("s", key, PartyKind.Person) { [Feature.Name] = name };

    [Test]
    public void Mean_frequency_is_the_chance_two_random_records_agree_and_survives_a_round_trip()
    {
        var tf = new TermFrequencies([Feature.Name]);
        // 张伟 six times, four names twice: Σ f² = (6² + 4 · 2²) / 14².
        var key = 0;
        for (var i = 0; i < 6; i++) tf.Add(Named($"{key++}", "张伟"));
        foreach (var n in new[] { "欧阳娜娜", "李雷", "韩梅梅", "王芳" })
            for (var i = 0; i < 2; i++) tf.Add(Named($"{key++}", n));
        var expected = (36.0 + 16.0) / (14.0 * 14.0);
        Assert.That(tf.MeanFrequency(Feature.Name), Is.EqualTo(expected).Within(1e-12));
        var copy = TermFrequencies.Deserialize(tf.Serialize(), [Feature.Name]);
        Assert.That(copy.MeanFrequency(Feature.Name), Is.EqualTo(expected).Within(1e-12));
        tf.Remove(Named("0", "张伟"));
        Assert.That(tf.MeanFrequency(Feature.Name), Is.EqualTo((25.0 + 16.0) / (13.0 * 13.0)).Within(1e-12));
    }

    [Test]
    public void In_a_file_where_every_name_is_typed_twice_no_name_is_penalized_as_common()
    {
        // A small deduplication file: every customer has a twin record. Agreeing on a name is then average evidence,
        // neither common nor rare: the adjustment is zero, not the large penalty a count of 2 against u would give.
        var config = new MatchingConfiguration
        {
            Comparisons = [new() { Name = "name", Kind = PartyKind.Person, TermFrequency = "name", Levels = [new() { Label = "exact", Test = "exact", Field = "name" }] }],
        };
        var tf = new TermFrequencies([Feature.Name]);
        for (var i = 0; i < 500; i++) { tf.Add(Named($"a{i}", $"name{i}")); tf.Add(Named($"b{i}", $"name{i}")); }
        tf.Add(Named("c1", "name0")); tf.Add(Named("c2", "name0")); tf.Add(Named("c3", "name0")); tf.Add(Named("c4", "name0"));
        var scorer = new PairScorer(config, tf);
        scorer.SetModel(new FellegiSunterModel
        {
            Kind = PartyKind.Person, Lambda = 0.001,
            Comparisons = [new() { Name = "name", Levels = ["exact", "else"], M = [0.9, 0.1], U = [1e-6, 1 - 1e-6] }],
        });
        var twin = scorer.Explain(Named("a1", "name1"), Named("b1", "name1")).Comparisons[0].TermFrequencyAdjustment!.Value;
        var common = scorer.Explain(Named("a0", "name0"), Named("b0", "name0")).Comparisons[0].TermFrequencyAdjustment!.Value;
        Assert.That(twin, Is.EqualTo(0).Within(0.05), "a name as frequent as the average one");
        Assert.That(common, Is.LessThan(-1.4), "a name three times as frequent weighs less");
    }
}
