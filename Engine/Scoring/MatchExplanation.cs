namespace Mdm.Engine.Scoring;

/// <summary>
/// Why a pair scored what it did: the prior, then each comparison's level and weight, summing to the total match weight.
/// Stored with every link and review task so a steward (or an auditor) can read the decision.
/// </summary>
public sealed class MatchExplanation
{
    public double PriorWeight { get; set; }
    public double MatchWeight { get; set; }
    public double Probability { get; set; }
    public List<ComparisonOutcome> Comparisons { get; set; } = [];

    /// <summary>The comparison whose disagreement capped the score (e.g. "national_id": two different valid ID cards), if any.</summary>
    public string? CappedBy { get; set; }

    public override string ToString()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append($"p={Probability:0.0000} weight={MatchWeight:+0.00;-0.00} (prior {PriorWeight:+0.00;-0.00})");
        foreach (var c in Comparisons)
        {
            sb.Append($"; {c.Comparison}={c.Level} {c.Weight:+0.00;-0.00}");
            if (c.TermFrequencyAdjustment is { } tf && tf != 0) sb.Append($" (tf {tf:+0.00;-0.00})");
        }
        if (CappedBy is not null) sb.Append($"; capped: {CappedBy} disagrees");
        return sb.ToString();
    }
}

/// <param name="Comparison">Comparison name from the matching configuration.</param>
/// <param name="Level">Level label, "else" for disagreement, "null" when a value was missing.</param>
/// <param name="Weight">Bits this comparison adds (including any term-frequency adjustment).</param>
/// <param name="ValueA">The compared value of the first record (for display).</param>
/// <param name="ValueB">The compared value of the second record.</param>
/// <param name="TermFrequencyAdjustment">Part of <paramref name="Weight"/> that comes from the value's frequency.</param>
public sealed record ComparisonOutcome(string Comparison, string Level, double Weight, string? ValueA, string? ValueB, double? TermFrequencyAdjustment = null);
