using Mdm.Engine.Records;
using Mdm.Engine.Standardization;

namespace Mdm.Engine.Scoring;

/// <summary>
/// Scores candidate pairs with the configured comparisons and a trained model per kind. The hot path is split in two so
/// that comparators run once per pair: <see cref="Pattern"/> (which level each comparison reached, 4 bits each) feeds both
/// EM training and <see cref="MatchWeight(ulong, StandardizedRecord, StandardizedRecord)"/>.
/// </summary>
public sealed class PairScorer
{
    private readonly KindScorer?[] _byKind = new KindScorer?[2];

    public PairScorer(MatchingConfiguration configuration, TermFrequencies? termFrequencies = null)
    {
        Configuration = configuration;
        TermFrequencies = termFrequencies;
        foreach (var kind in new[] { PartyKind.Person, PartyKind.Organization })
        {
            var comparisons = new List<CompiledComparison>();
            foreach (var c in configuration.Comparisons)
            {
                var compiled = new CompiledComparison(c);
                if (compiled.AppliesTo(kind)) comparisons.Add(compiled);
            }
            if (comparisons.Count > 16) throw new FormatException("at most 16 comparisons per kind");
            foreach (var c in comparisons)
                if (c.LevelCount > 15) throw new FormatException($"comparison '{c.Name}': at most 14 levels");
            _byKind[(int)kind] = new KindScorer(comparisons.ToArray(), configuration);
        }
    }

    public MatchingConfiguration Configuration { get; }
    public TermFrequencies? TermFrequencies { get; }

    public IReadOnlyList<CompiledComparison> ComparisonsFor(PartyKind kind) => Scorer(kind).Comparisons;

    public FellegiSunterModel? ModelFor(PartyKind kind) => Scorer(kind).Model;

    public void SetModel(FellegiSunterModel model)
    {
        var scorer = Scorer(model.Kind);
        if (model.Comparisons.Count != scorer.Comparisons.Length)
            throw new InvalidOperationException($"model for {model.Kind} has {model.Comparisons.Count} comparisons, configuration has {scorer.Comparisons.Length}");
        for (var i = 0; i < scorer.Comparisons.Length; i++)
        {
            var cp = model.Comparisons[i];
            if (cp.Name != scorer.Comparisons[i].Name || cp.M.Length != scorer.Comparisons[i].LevelCount)
                throw new InvalidOperationException($"model comparison '{cp.Name}' does not fit configuration comparison '{scorer.Comparisons[i].Name}': retrain the model");
        }
        scorer.SetModel(model);
    }

    private KindScorer Scorer(PartyKind kind) => _byKind[(int)kind]!;

    /// <summary>Levels of every comparison for the pair, packed 4 bits each (0 = null, level+1 otherwise).</summary>
    public ulong Pattern(StandardizedRecord a, StandardizedRecord b)
    {
        var comparisons = Scorer(a.Kind).Comparisons;
        ulong pattern = 0;
        for (var i = 0; i < comparisons.Length; i++)
        {
            var level = comparisons[i].Evaluate(a, b);
            pattern |= (ulong)(level + 1) << (4 * i);
        }
        return pattern;
    }

    /// <summary>
    /// Whether the record holds a value whose disagreement caps a pair below the cannot-link threshold (an ID card, a
    /// birth date): only such records can rule a match out on their own.
    /// </summary>
    public bool CanRuleOut(StandardizedRecord record)
    {
        var scorer = Scorer(record.Kind);
        foreach (var i in scorer.RuleOutComparisons)
            if (scorer.Comparisons[i].HasValue(record)) return true;
        return false;
    }

    /// <summary>
    /// Whether the pair's own values rule a match out (its probability is below the cannot-link threshold). Cheap when
    /// no capping comparison lands on a capping level, which is the common case: only then is the whole pair scored.
    /// </summary>
    public bool RulesOut(StandardizedRecord a, StandardizedRecord b)
    {
        if (a.Kind != b.Kind) return false;
        var scorer = Scorer(a.Kind);
        var cannot = scorer.CannotLinkWeight;
        var capped = false;
        foreach (var i in scorer.RuleOutComparisons)
        {
            var level = scorer.Comparisons[i].Evaluate(a, b);
            if (level >= 0 && scorer.CapWeight(i, level) < cannot) { capped = true; break; }
        }
        return capped && MatchWeight(a, b) < cannot;
    }

    public static int LevelOf(ulong pattern, int comparison) => (int)((pattern >> (4 * comparison)) & 0xF) - 1;

    /// <summary>Match weight (bits) of a pair whose pattern is known.</summary>
    public double MatchWeight(ulong pattern, StandardizedRecord a, StandardizedRecord b)
    {
        var scorer = Scorer(a.Kind);
        var model = scorer.Model ?? throw new InvalidOperationException($"no trained model for {a.Kind}");
        var total = model.PriorWeight;
        var cap = double.PositiveInfinity;
        var comparisons = scorer.Comparisons;
        for (var i = 0; i < comparisons.Length; i++)
        {
            var level = LevelOf(pattern, i);
            if (level < 0) continue;
            total += scorer.Weights[i][level];
            if (level == comparisons[i].TermFrequencyLevel) total += TermFrequencyAdjustment(scorer, i, level, a, b);
            var levelCap = scorer.CapWeight(i, level);
            if (levelCap < cap && !scorer.CapWaived(i, pattern)) cap = levelCap;
        }
        return Math.Min(total, cap);
    }

    public double MatchWeight(StandardizedRecord a, StandardizedRecord b) => MatchWeight(Pattern(a, b), a, b);

    public double Probability(StandardizedRecord a, StandardizedRecord b) => FellegiSunterModel.ToProbability(MatchWeight(a, b));

    private double TermFrequencyAdjustment(KindScorer scorer, int i, int level, StandardizedRecord a, StandardizedRecord b)
    {
        var tf = TermFrequencies;
        var feature = scorer.Comparisons[i].TermFrequencyFeature;
        if (tf is null || feature is null || !tf.Tracks(feature.Value)) return 0;
        var va = a[feature.Value];
        var vb = b[feature.Value];
        if (va is null || vb is null) return 0;
        var value = feature.Value == Feature.Phones ? Comparators.FirstShared(va, vb) : va;
        if (value is null) return 0;
        var freq = tf.Frequency(feature.Value, value);
        var mean = tf.MeanFrequency(feature.Value);
        if (freq <= 0 || mean <= 0) return 0;
        // As Splink's term-frequency adjustment: the level's weight is for a value of average frequency (Σ f², the chance
        // two random records agree, which is what u measures), so a value adds log2(Σ f² / f). Both count every record,
        // the duplicates of one customer included, so in a small file a name typed twice for one person is not "common".
        return Math.Clamp(Math.Log2(mean / freq), Configuration.TermFrequencyMaxPenalty, Configuration.TermFrequencyMaxBoost);
    }

    /// <summary>The full, human-readable account of a pair's score.</summary>
    public MatchExplanation Explain(StandardizedRecord a, StandardizedRecord b)
    {
        var scorer = Scorer(a.Kind);
        var model = scorer.Model ?? throw new InvalidOperationException($"no trained model for {a.Kind}");
        var pattern = Pattern(a, b);
        var explanation = new MatchExplanation { PriorWeight = model.PriorWeight };
        var total = model.PriorWeight;
        for (var i = 0; i < scorer.Comparisons.Length; i++)
        {
            var c = scorer.Comparisons[i];
            var level = LevelOf(pattern, i);
            var shown = c.Definition.Levels.Count > 0 ? c.Definition.Levels[0].Conditions().First().Field : null;
            var feature = shown is null ? (Feature?)null : FeatureNames.Parse(shown);
            var va = feature is null ? null : a[feature.Value];
            var vb = feature is null ? null : b[feature.Value];
            if (level < 0)
            {
                explanation.Comparisons.Add(new ComparisonOutcome(c.Name, "null", 0, va, vb));
                continue;
            }
            var weight = scorer.Weights[i][level];
            double? tfAdj = null;
            if (level == c.TermFrequencyLevel)
            {
                tfAdj = TermFrequencyAdjustment(scorer, i, level, a, b);
                weight += tfAdj.Value;
            }
            total += weight;
            explanation.Comparisons.Add(new ComparisonOutcome(c.Name, c.LevelLabels[level], Math.Round(weight, 3), va, vb,
                tfAdj is null ? null : Math.Round(tfAdj.Value, 3)));
        }
        for (var i = 0; i < scorer.Comparisons.Length; i++)
        {
            var c = scorer.Comparisons[i];
            var level = LevelOf(pattern, i);
            if (level >= 0 && scorer.CapWeight(i, level) is var capWeight && capWeight < total && !scorer.CapWaived(i, pattern))
            {
                total = capWeight;
                explanation.CappedBy = c.Name;
            }
        }
        explanation.MatchWeight = Math.Round(total, 3);
        explanation.Probability = FellegiSunterModel.ToProbability(total);
        return explanation;
    }

    private sealed class KindScorer
    {
        // Per comparison: its waiver alternatives, each a list of (other comparison index, bit mask of its levels)
        // that must all hold; null when none.
        private readonly (int Comparison, int LevelMask)[][]?[] _waivers;

        public KindScorer(CompiledComparison[] comparisons, MatchingConfiguration configuration)
        {
            _configuration = configuration;
            CannotLinkWeight = FellegiSunterModel.ToWeight(configuration.CannotLinkThreshold);
            Comparisons = comparisons;
            _capWeights = new double[comparisons.Length][];
            for (var i = 0; i < comparisons.Length; i++)
            {
                _capWeights[i] = new double[comparisons[i].LevelCount];
                for (var l = 0; l < _capWeights[i].Length; l++) _capWeights[i][l] = comparisons[i].CapWeight(l);
            }
            RuleOutComparisons = FindRuleOutComparisons();
            _waivers = new (int, int)[][]?[comparisons.Length];
            for (var i = 0; i < comparisons.Length; i++)
            {
                var alternatives = comparisons[i].Definition.CapWaivedWhen;
                if (alternatives.Count == 0) continue;
                var compiled = new List<(int, int)[]>(alternatives.Count);
                foreach (var alternative in alternatives)
                {
                    var conditions = new List<(int, int)>();
                    foreach (var condition in alternative.Conditions())
                    {
                        var c = Compile(comparisons, i, condition);
                        // A condition on a comparison of the other party kind (an ID card for a company) never holds.
                        if (c.Comparison < 0) { conditions = null; break; }
                        conditions.Add(c);
                    }
                    if (conditions is not null) compiled.Add(conditions.ToArray());
                }
                _waivers[i] = compiled.ToArray();
            }
        }

        private readonly MatchingConfiguration _configuration;

        public double CannotLinkWeight { get; }

        /// <summary>Comparisons with a level capped below the cannot-link threshold.</summary>
        public int[] RuleOutComparisons { get; private set; }

        // Per comparison and level: the configured cap (bits), +∞ when none or when the model lifted it.
        private readonly double[][] _capWeights;

        public double CapWeight(int comparison, int level) => _capWeights[comparison][level];

        private int[] FindRuleOutComparisons()
        {
            var ruleOut = new List<int>();
            for (var i = 0; i < Comparisons.Length; i++)
                if (_capWeights[i].Min() < CannotLinkWeight) ruleOut.Add(i);
            return ruleOut.ToArray();
        }

        /// <summary>(comparison index, level mask); index -1 when the comparison exists but not for this party kind.</summary>
        private (int Comparison, int LevelMask) Compile(CompiledComparison[] comparisons, int i, CapWaiverDefinition condition)
        {
            var other = Array.FindIndex(comparisons, c => c.Name == condition.Comparison);
            if (other < 0 && _configuration.Comparisons.Exists(c => c.Name == condition.Comparison)) return (-1, 0);
            if (other < 0)
                throw new FormatException($"comparison '{comparisons[i].Name}': capWaivedWhen names unknown comparison '{condition.Comparison}'");
            var mask = 0;
            foreach (var label in condition.Levels)
            {
                var level = -1;
                for (var l = 0; l < comparisons[other].LevelLabels.Count; l++)
                    if (comparisons[other].LevelLabels[l] == label) level = l;
                if (level < 0)
                    throw new FormatException($"comparison '{comparisons[i].Name}': capWaivedWhen names unknown level '{label}' of '{comparisons[other].Name}'");
                mask |= 1 << level;
            }
            return (other, mask);
        }

        public CompiledComparison[] Comparisons { get; }

        /// <summary>True when comparison <paramref name="i"/> has a waiver alternative whose conditions all hold for the pattern.</summary>
        public bool CapWaived(int i, ulong pattern)
        {
            var alternatives = _waivers[i];
            if (alternatives is null) return false;
            foreach (var conditions in alternatives)
            {
                var holds = true;
                foreach (var (other, mask) in conditions)
                {
                    var level = LevelOf(pattern, other);
                    if (level < 0 || (mask & (1 << level)) == 0) { holds = false; break; }
                }
                if (holds) return true;
            }
            return false;
        }

        public FellegiSunterModel? Model { get; private set; }
        public double[][] Weights { get; private set; } = [];

        public void SetModel(FellegiSunterModel model)
        {
            var weights = new double[Comparisons.Length][];
            for (var i = 0; i < Comparisons.Length; i++)
            {
                var p = model.Comparisons[i];
                weights[i] = new double[p.M.Length];
                for (var l = 0; l < p.M.Length; l++) weights[i][l] = p.Weight(l);
            }
            Weights = weights;
            for (var i = 0; i < Comparisons.Length; i++)
                for (var l = 0; l < _capWeights[i].Length; l++)
                    _capWeights[i][l] = model.Comparisons[i].CapsLifted.Exists(c => c.Level == Comparisons[i].LevelLabels[l])
                        ? double.PositiveInfinity
                        : Comparisons[i].CapWeight(l);
            RuleOutComparisons = FindRuleOutComparisons();
            Model = model;
        }
    }
}
