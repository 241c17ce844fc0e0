using System.Text.Json.Serialization;
using Mdm.Engine.Records;

namespace Mdm.Engine.Scoring;

/// <summary>
/// Fellegi–Sunter parameters for one kind of party: for every comparison level the probability m of seeing it when the
/// two records are the same customer and u when they are not; λ is the prior share of matches among candidate pairs.
/// Weights are log2(m/u) bits; a pair's match weight is the prior's log-odds plus the sum of its level weights.
/// </summary>
public sealed class FellegiSunterModel
{
    public const double MinProbability = 1e-7;

    public PartyKind Kind { get; set; }
    public double Lambda { get; set; } = 0.1;
    public List<ComparisonParameters> Comparisons { get; set; } = [];
    public int EmIterations { get; set; }
    public bool EmConverged { get; set; }
    public long TrainingPairs { get; set; }
    public long USamplePairs { get; set; }

    [JsonIgnore]
    public double PriorWeight => Math.Log2(Lambda / (1 - Lambda));

    public ComparisonParameters? Find(string name)
    {
        foreach (var c in Comparisons) if (c.Name == name) return c;
        return null;
    }

    public static double ToProbability(double matchWeight) => 1.0 / (1.0 + Math.Pow(2, -matchWeight));

    public static double ToWeight(double probability)
    {
        probability = Math.Clamp(probability, 1e-12, 1 - 1e-12);
        return Math.Log2(probability / (1 - probability));
    }
}

public sealed class ComparisonParameters
{
    public string Name { get; set; } = "";
    public List<string> Levels { get; set; } = [];
    public double[] M { get; set; } = [];
    public double[] U { get; set; } = [];

    /// <summary>
    /// Configured caps of this comparison that the data overruled: the level is common among anchored matches (pairs
    /// that share a strong identifier), so it cannot be evidence that two records are two customers. The level keeps its
    /// weight; only the cap is not applied.
    /// </summary>
    public List<LiftedCap> CapsLifted { get; set; } = [];

    public double Weight(int level) => Math.Log2(Clamp(M[level]) / Clamp(U[level]));

    internal static double Clamp(double p) => Math.Clamp(p, FellegiSunterModel.MinProbability, 1 - FellegiSunterModel.MinProbability);
}

/// <param name="Level">Label of the level whose cap is not applied.</param>
/// <param name="MatchShare">Share of anchored matches (pairs sharing a strong identifier) that landed on the level.</param>
/// <param name="AnchoredPairs">Anchored pairs with a value on both sides for this comparison.</param>
public sealed record LiftedCap(string Level, double MatchShare, long AnchoredPairs);
