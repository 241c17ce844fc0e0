using Mdm.Engine.Records;
using Mdm.Engine.Scoring;

namespace Mdm.Tests.Scoring;

public class ModelTrainerTests
{
    private static MatchingConfiguration ThreeComparisons() => new()
    {
        Comparisons =
        [
            new() { Name = "name", Kind = PartyKind.Person, Levels = [new() { Label = "exact", Test = "exact", Field = "name" }, new() { Label = "fuzzy", Test = "jaro_winkler", Field = "name", Threshold = 0.9 }] },
            new() { Name = "birth", Kind = PartyKind.Person, Levels = [new() { Label = "exact", Test = "exact", Field = "birth_date" }, new() { Label = "year", Test = "prefix", Field = "birth_date", Threshold = 4 }] },
            new() { Name = "phone", Kind = PartyKind.Person, Levels = [new() { Label = "shared", Test = "overlap", Field = "phones" }] },
            new() { Name = "city", Kind = PartyKind.Person, Levels = [new() { Label = "same", Test = "exact", Field = "city_code" }] },
        ],
    };

    [Test]
    public void Em_recovers_m_and_lambda_of_a_known_mixture()
    {
        var config = ThreeComparisons();
        var scorer = new PairScorer(config);
        double[][] trueM = [[0.85, 0.10, 0.05], [0.90, 0.06, 0.04], [0.70, 0.30], [0.95, 0.05]];
        double[][] u = [[0.001, 0.02, 0.979], [0.003, 0.05, 0.947], [0.002, 0.998], [0.05, 0.95]];
        const double lambda = 0.25;
        var rng = new Random(7);
        var histogram = new Dictionary<ulong, long>();
        for (var n = 0; n < 200_000; n++)
        {
            var match = rng.NextDouble() < lambda;
            ulong pattern = 0;
            for (var c = 0; c < trueM.Length; c++)
            {
                var probs = match ? trueM[c] : u[c];
                var x = rng.NextDouble();
                var level = 0;
                while (level < probs.Length - 1 && (x -= probs[level]) > 0) level++;
                pattern |= (ulong)(level + 1) << (4 * c);
            }
            histogram[pattern] = histogram.GetValueOrDefault(pattern) + 1;
        }

        var model = ModelTrainer.Train(scorer, PartyKind.Person, histogram, u, config, uSamplePairs: 0);

        Assert.That(model.EmConverged, Is.True);
        Assert.That(model.Lambda, Is.EqualTo(lambda).Within(0.01));
        for (var c = 0; c < trueM.Length; c++)
            for (var l = 0; l < trueM[c].Length; l++)
                Assert.That(model.Comparisons[c].M[l], Is.EqualTo(trueM[c][l]).Within(0.02), $"m of comparison {c} level {l}");
    }

    [Test]
    public void Agreement_weighs_positive_and_disagreement_negative_after_training()
    {
        var config = ThreeComparisons();
        var scorer = new PairScorer(config);
        double[][] u = [[0.001, 0.02, 0.979], [0.003, 0.05, 0.947], [0.002, 0.998], [0.05, 0.95]];
        var histogram = new Dictionary<ulong, long> { [0x1111] = 500, [0x2233] = 5000, [0x1121] = 200, [0x2223] = 3000 };
        var model = ModelTrainer.Train(scorer, PartyKind.Person, histogram, u, config, 0);
        foreach (var c in model.Comparisons)
        {
            Assert.That(c.Weight(0), Is.GreaterThan(0), $"{c.Name} agreement");
            Assert.That(c.Weight(c.M.Length - 1), Is.LessThan(0), $"{c.Name} disagreement");
        }
    }

    [Test]
    public void A_level_with_a_fixed_u_keeps_it_and_the_others_come_from_the_random_pairs()
    {
        var config = ThreeComparisons();
        config.Comparisons[2].Levels[0].U = 1e-7;
        var scorer = new PairScorer(config);
        // 1,000 random pairs: phone shared in 10 of them (a household's landline), name exact in 20.
        var random = new Dictionary<ulong, long> { [0x2233] = 970, [0x2133] = 10, [0x2231] = 20 };
        var u = ModelTrainer.EstimateU(scorer, PartyKind.Person, random);
        Assert.That(u[2][0], Is.EqualTo(1e-7));
        Assert.That(u[2][1], Is.EqualTo(991.0 / 1002).Within(1e-9));
        Assert.That(u[0][0], Is.EqualTo(21.0 / 1003).Within(1e-9));
    }
}
