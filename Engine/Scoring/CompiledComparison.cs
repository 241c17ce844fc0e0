using Mdm.Engine.Records;
using Mdm.Engine.Standardization;

namespace Mdm.Engine.Scoring;

/// <summary>
/// A <see cref="ComparisonDefinition"/> ready to run: evaluates a pair to a level index. Level indexes run
/// 0..Levels.Count-1 for the declared levels, Levels.Count for "else" (disagreement), and <see cref="NullLevel"/> when
/// a value is missing (no evidence, weight 0).
/// </summary>
public sealed class CompiledComparison
{
    public const int NullLevel = -1;

    private readonly ComparisonTest[][] _levels;
    private readonly int[] _nullWhenMissing;
    private readonly double[] _capWeights;

    public CompiledComparison(ComparisonDefinition definition)
    {
        Definition = definition;
        Name = definition.Name;
        Kind = definition.Kind;
        if (definition.Levels.Count == 0) throw new FormatException($"comparison '{Name}' has no levels");
        _levels = new ComparisonTest[definition.Levels.Count][];
        var labels = new string[definition.Levels.Count + 1];
        for (var i = 0; i < definition.Levels.Count; i++)
        {
            var level = definition.Levels[i];
            var tests = new List<ComparisonTest>();
            foreach (var c in level.Conditions()) tests.Add(ComparisonTest.Compile(c, Name));
            if (tests.Count == 0) throw new FormatException($"comparison '{Name}', level '{level.Label}' has no condition");
            CheckProbability(level.Cap, $"level '{level.Label}'", "cap");
            CheckProbability(level.U, $"level '{level.Label}'", "u");
            CheckProbability(level.M, $"level '{level.Label}'", "m");
            _levels[i] = tests.ToArray();
            labels[i] = string.IsNullOrEmpty(level.Label) ? $"level{i}" : level.Label;
        }
        labels[^1] = "else";
        CheckProbability(definition.DisagreementCap, null, "disagreementCap");
        foreach (var waiver in definition.CapWaivedWhen)
        {
            if (waiver.All is { Count: > 0 } && waiver.Comparison.Length > 0)
                throw new FormatException($"comparison '{Name}': a capWaivedWhen entry names either a comparison or an 'all' group, not both");
            if (waiver.All is null or { Count: 0 } && waiver.Comparison.Length == 0)
                throw new FormatException($"comparison '{Name}': a capWaivedWhen entry names no comparison (or an empty 'all' group)");
        }
        if (definition.DisagreementCap is { } cap) DisagreementCapWeight = FellegiSunterModel.ToWeight(cap);
        var caps = new double[definition.Levels.Count + 1];
        for (var i = 0; i < definition.Levels.Count; i++)
            caps[i] = definition.Levels[i].Cap is { } levelCap ? FellegiSunterModel.ToWeight(levelCap) : double.PositiveInfinity;
        caps[^1] = DisagreementCapWeight ?? double.PositiveInfinity;
        _capWeights = caps;
        LevelLabels = labels;
        var nullFeatures = definition.NullWhenMissing.Count > 0
            ? definition.NullWhenMissing.Select(FeatureNames.Parse)
            : [_levels[0][0].Feature];
        _nullWhenMissing = nullFeatures.Select(f => (int)f).ToArray();
        if (definition.TermFrequency is not null)
        {
            TermFrequencyFeature = FeatureNames.Parse(definition.TermFrequency);
            // The level whose only test is an agreement on the term-frequency feature gets the adjustment.
            for (var i = 0; i < _levels.Length; i++)
            {
                if (_levels[i].Length == 1 && _levels[i][0].Feature == TermFrequencyFeature && _levels[i][0].IsAgreement)
                {
                    TermFrequencyLevel = i;
                    break;
                }
            }
        }
    }

    // A probability outside (0, 1) would be clamped silently into a weight nobody meant.
    private void CheckProbability(double? value, string? where, string property)
    {
        if (value is not { } p || (p > 0 && p < 1)) return;
        var place = where is null ? $"comparison '{Name}'" : $"comparison '{Name}', {where}";
        throw new FormatException($"{place}: \"{property}\" must be a probability between 0 and 1 (exclusive), not {p}");
    }

    /// <summary>Cap on the pair's match weight when this comparison disagrees, or null.</summary>
    public double? DisagreementCapWeight { get; }

    /// <summary>Cap on the pair's match weight (bits) when the comparison lands on <paramref name="level"/>; +∞ when none.</summary>
    public double CapWeight(int level) => _capWeights[level];

    /// <summary>The lowest cap of any level (bits); +∞ when no level caps.</summary>
    public double LowestCapWeight
    {
        get
        {
            var lowest = double.PositiveInfinity;
            foreach (var c in _capWeights) lowest = Math.Min(lowest, c);
            return lowest;
        }
    }

    /// <summary>Whether the record has the values this comparison needs (otherwise it is null for every pair).</summary>
    public bool HasValue(StandardizedRecord record)
    {
        foreach (var f in _nullWhenMissing)
            if (record.Values[f] is null) return false;
        return true;
    }

    public ComparisonDefinition Definition { get; }
    public string Name { get; }
    public PartyKind? Kind { get; }

    /// <summary>Labels of the declared levels followed by "else".</summary>
    public IReadOnlyList<string> LevelLabels { get; }

    /// <summary>Declared levels + "else".</summary>
    public int LevelCount => _levels.Length + 1;

    public Feature? TermFrequencyFeature { get; }

    /// <summary>Index of the level the term-frequency adjustment applies to, or -1.</summary>
    public int TermFrequencyLevel { get; } = -1;

    public bool AppliesTo(PartyKind kind) => Kind is null || Kind == kind;

    public int Evaluate(StandardizedRecord a, StandardizedRecord b)
    {
        foreach (var f in _nullWhenMissing)
            if (a.Values[f] is null || b.Values[f] is null) return NullLevel;
        for (var i = 0; i < _levels.Length; i++)
        {
            var tests = _levels[i];
            var all = true;
            for (var t = 0; t < tests.Length; t++)
            {
                if (!tests[t].Holds(a, b)) { all = false; break; }
            }
            if (all) return i;
        }
        return _levels.Length;
    }
}
