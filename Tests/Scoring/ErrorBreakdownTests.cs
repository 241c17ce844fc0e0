using Mdm.Engine.Evaluation;
using Mdm.Engine.Scoring;

namespace Mdm.Tests.Scoring;

public class ErrorBreakdownTests
{
    private static MatchExplanation Explanation(double probability, string? cappedBy, params (string Comparison, string Level)[] levels) => new()
    {
        Probability = probability,
        CappedBy = cappedBy,
        Comparisons = levels.Select(l => new ComparisonOutcome(l.Comparison, l.Level, 0, null, null)).ToList(),
    };

    [Test]
    public void Missed_pairs_are_counted_by_cause_level_and_pattern()
    {
        var pairs = new List<PairDiagnosis>
        {
            new("F/1", "F/2", false, Explanation(0.99, null, ("name", "exact"), ("birth_date", "exact"))),
            new("F/3", "F/4", true, Explanation(0.0001, "birth_date", ("name", "exact"), ("birth_date", "years_apart"))),
            new("F/5", "F/6", true, Explanation(0.0001, "birth_date", ("name", "exact"), ("birth_date", "years_apart"))),
            new("F/7", "F/8", true, Explanation(0.6, null, ("name", "else"), ("birth_date", "null"))),
            new("F/9", "F/10", true, Explanation(0.97, null, ("name", "exact"), ("birth_date", "exact"))),
            new("F/11", "F/12", false, null, Found: false),
            new("F/13", "F/14", false, null),
        };
        var b = ErrorBreakdown.Of(pairs, missed: true, linkThreshold: 0.95);
        Assert.Multiple(() =>
        {
            Assert.That(b.Pairs, Is.EqualTo(7));
            Assert.That(b.Causes, Is.EqualTo(new (string, long)[]
            {
                ("capped by birth_date=years_apart", 2),
                ("never a candidate (no shared blocking key)", 1),
                ("one a person, the other an organization (never compared)", 1),
                ("record not in the store", 1),
                ("scored above the link threshold, kept apart by the clusterer (chain guard, counter-evidence or block cap)", 1),
                ("scored below the link threshold", 1),
            }));
            var birth = b.Levels.Single(l => l.Comparison == "birth_date").Levels;
            Assert.That(birth, Is.EqualTo(new (string, long)[] { ("exact", 2), ("years_apart", 2), ("null", 1) }));
            // "null" levels (no value) are left out of a pattern: they are no evidence either way.
            Assert.That(b.Patterns[0], Is.EqualTo(("name=exact birth_date=exact", 2L)).Or.EqualTo(("name=exact birth_date=years_apart", 2L)));
            Assert.That(b.Patterns.Select(p => p.Pattern), Does.Contain("name=else"));
        });
    }

    [Test]
    public void False_merges_tell_a_direct_link_from_a_chain()
    {
        var pairs = new List<PairDiagnosis>
        {
            new("A/1", "B/1", true, Explanation(0.999, null, ("name", "exact"))),
            new("A/2", "B/2", true, Explanation(0.2, null, ("name", "exact"))),
        };
        var b = ErrorBreakdown.Of(pairs, missed: false, linkThreshold: 0.95);
        Assert.That(b.Causes, Is.EquivalentTo(new (string, long)[]
        {
            ("scored above the link threshold", 1),
            ("joined through other records (pair itself below the link threshold)", 1),
        }));
    }
}
