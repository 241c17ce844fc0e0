using Mdm.Engine.Evaluation;
using Mdm.Engine.Pipeline;
using Spectre.Console;

namespace Mdm.Api.Cli;

/// <summary>What the commands print.</summary>
internal static class Reports
{
    public static void Summary(LoadSummary s, string storePath)
    {
        var table = new Table().Title("[bold]Load summary[/]").AddColumns("system", "read", "accepted", "rejected", "new", "changed", "unchanged", "retired", "transactions", "txn rejected");
        foreach (var x in s.Systems)
            table.AddRow(Markup.Escape(x.System), N(x.Read), N(x.Accepted), N(x.Rejected), N(x.New), N(x.Changed), N(x.Unchanged), N(x.Retired), N(x.Transactions), N(x.TransactionsRejected));
        table.AddRow("[bold]total[/]", N(s.Read), N(s.Accepted), N(s.RecordsRejected), N(s.Systems.Sum(x => x.New)), N(s.Systems.Sum(x => x.Changed)),
            N(s.Systems.Sum(x => x.Unchanged)), N(s.Systems.Sum(x => x.Retired)), N(s.Systems.Sum(x => x.Transactions)), N(s.Systems.Sum(x => x.TransactionsRejected)));
        AnsiConsole.Write(table);
        foreach (var w in s.WithheldRetirements)
            AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(w.System)}: retirement withheld[/] for {N(w.RetirementsWithheld)} missing record(s): {Markup.Escape(w.RetirementWithheld!)}");

        var r = s.Resolution;
        if (!r.Ran)
        {
            AnsiConsole.MarkupLine("No source record changed: golden IDs and golden records are as they were.");
        }
        else
        {
            var res = new Table().Title("[bold]Resolution[/]").AddColumns("measure", "value");
            res.AddRow("mode", r.Mode == "incremental"
                ? $"incremental: {N(r.TouchedRecords)} changed record(s), {N(r.AffectedRecords)} re-resolved with the customers they touch"
                : $"full{(r.FullReason is { } why ? $" ({Markup.Escape(why)})" : "")}");
            res.AddRow("source records resolved", N(r.Records));
            res.AddRow("  persons / organizations", $"{N(r.Persons)} / {N(r.Organizations)}");
            res.AddRow("candidate pairs scored", N(r.CandidatePairs));
            res.AddRow("blocks skipped as too large", N(r.OversizedBlocks));
            res.AddRow(r.Mode == "incremental" ? "golden customers re-resolved" : "golden customers", N(r.GoldenRecords));
            res.AddRow("  with several source records", N(r.MultiRecordCustomers));
            res.AddRow("  linked across systems", N(r.CrossSystemCustomers));
            res.AddRow("linked pairs", N(r.LinkedPairs));
            res.AddRow("review tasks for stewards", N(r.ReviewTasks));
            res.AddRow("links refused (chain guard / counter-evidence)", N(r.RefusedLinks));
            res.AddRow("golden IDs created / merged / split", $"{N(r.GoldenIdsCreated)} / {N(r.GoldenIdsMerged)} / {N(r.GoldenIdsSplit)}");
            res.AddRow("quality findings", N(r.QualityFindings));
            res.AddRow("model", r.ModelTrained ? "trained (EM) and stored" : "stored model reused");
            if (r.CapsLifted.Count > 0)
                res.AddRow("caps not applied (the data overrules them)", Markup.Escape(string.Join("; ", r.CapsLifted)));
            res.AddRow("stage seconds", string.Join("  ", r.StageSeconds.Select(kv => $"{kv.Key} {kv.Value:0.0}")));
            AnsiConsole.Write(res);
        }
        if (s.Tiers.Count > 0)
            AnsiConsole.MarkupLine("Customer tiers: " + string.Join(", ", s.Tiers.Select(t => $"{t.Key} {N(t.Value)}")) + $"  (ranked in {s.ValueSeconds:0.0} s)");
        AnsiConsole.MarkupLine($"Store: [blue]{Markup.Escape(storePath)}[/]  run {s.RunId}  total {s.TotalSeconds:0.0} s");
    }

    public static void Evaluation(PairwiseEvaluation e)
    {
        var t = new Table().Title("[bold]Accuracy against truth (pairwise)[/]").AddColumns("measure", "value");
        t.AddRow("records evaluated", N(e.Records));
        if (e.RecordsOnlyInTruth > 0) t.AddRow("truth records not in the store (rejected or missing)", N(e.RecordsOnlyInTruth));
        if (e.RecordsOnlyPredicted > 0) t.AddRow("store records without truth", N(e.RecordsOnlyPredicted));
        t.AddRow("precision", e.Precision.ToString("0.0000"));
        t.AddRow("recall", e.Recall.ToString("0.0000"));
        t.AddRow("F1", $"[bold]{e.F1:0.0000}[/]");
        t.AddRow("true pairs / predicted pairs / correct", $"{N(e.TruePairs)} / {N(e.PredictedPairs)} / {N(e.CorrectPairs)}");
        t.AddRow("false-merge pairs", N(e.FalseMergePairs));
        t.AddRow("missed pairs", N(e.MissedPairs));
        t.AddRow("clusters predicted / true entities", $"{N(e.PredictedClusters)} / {N(e.TrueEntities)}");
        t.AddRow("clusters with records of several entities", N(e.ImpureClusters));
        t.AddRow("entities split over several clusters", N(e.SplitEntities));
        AnsiConsole.Write(t);
        if (e.FalseMergeExamples.Count > 0)
            AnsiConsole.MarkupLine("False merges, e.g.: " + Markup.Escape(string.Join("; ", e.FalseMergeExamples.Take(5).Select(p => $"{p.KeyA} + {p.KeyB}"))));
        if (e.MissedExamples.Count > 0)
            AnsiConsole.MarkupLine("Missed, e.g.: " + Markup.Escape(string.Join("; ", e.MissedExamples.Take(5).Select(p => $"{p.KeyA} / {p.KeyB}"))));
    }

    /// <param name="total">All error pairs of the kind (the breakdown may cover a sample of them).</param>
    public static void Breakdown(ErrorBreakdown b, long total)
    {
        var scope = b.Pairs < total ? $"{N(b.Pairs)} of {N(total)}" : N(b.Pairs);
        var causes = new Table().Title($"[bold]Why: {b.Kind} pairs ({scope})[/]").AddColumns("cause", "pairs");
        foreach (var (cause, n) in b.Causes) causes.AddRow(Markup.Escape(cause), N(n));
        AnsiConsole.Write(causes);
        var levels = new Table().Title($"[bold]{b.Kind} pairs by comparison level[/]").AddColumns("comparison", "levels (pairs)");
        foreach (var (comparison, byLevel) in b.Levels)
            levels.AddRow(Markup.Escape(comparison), Markup.Escape(string.Join("  ", byLevel.Select(l => $"{l.Level} {N(l.Pairs)}"))));
        AnsiConsole.Write(levels);
        var patterns = new Table().Title($"[bold]most frequent {b.Kind} patterns[/]").AddColumns("pairs", "pattern");
        foreach (var (pattern, n) in b.Patterns) patterns.AddRow(N(n), Markup.Escape(pattern));
        AnsiConsole.Write(patterns);
        foreach (var e in b.Examples)
            AnsiConsole.MarkupLine(Markup.Escape($"  {e.A} / {e.B}: {e.Explanation}"));
    }

    public static void Explanation(PairDiagnosis d, Mdm.Engine.Standardization.StandardizedRecord a, Mdm.Engine.Standardization.StandardizedRecord b,
        Mdm.Engine.Candidates.BlockingKeyBuilder keys)
    {
        var values = new Table().Title("[bold]Standardized values[/]").AddColumns("feature", Markup.Escape(d.A), Markup.Escape(d.B));
        for (var f = 0; f < Mdm.Engine.Standardization.FeatureNames.Count; f++)
        {
            var feature = (Mdm.Engine.Standardization.Feature)f;
            if (a[feature] is null && b[feature] is null) continue;
            values.AddRow(Markup.Escape(Mdm.Engine.Standardization.FeatureNames.Name(feature)), Markup.Escape(a[feature] ?? "–"), Markup.Escape(b[feature] ?? "–"));
        }
        AnsiConsole.Write(values);
        var shared = keys.Describe(a).Intersect(keys.Describe(b)).ToList();
        AnsiConsole.MarkupLine("Shared blocking keys: " + (shared.Count == 0 ? "none (never a candidate pair)" : Markup.Escape(string.Join("; ", shared))));
        if (d.Explanation is not { } e) { AnsiConsole.MarkupLine("The two records are of different kinds: never compared."); return; }
        var t = new Table().Title($"[bold]Match explanation: p = {e.Probability:0.0000}[/]").AddColumns("comparison", "level", "weight (bits)");
        t.AddRow("prior", "", e.PriorWeight.ToString("+0.00;-0.00"));
        foreach (var c in e.Comparisons)
            t.AddRow(Markup.Escape(c.Comparison), Markup.Escape(c.Level),
                c.Weight.ToString("+0.00;-0.00") + (c.TermFrequencyAdjustment is { } tf && tf != 0 ? $" (term frequency {tf:+0.00;-0.00})" : ""));
        t.AddRow("[bold]total[/]", e.CappedBy is { } by ? $"capped by {Markup.Escape(by)}" : "", e.MatchWeight.ToString("+0.00;-0.00"));
        AnsiConsole.Write(t);
    }

    public static void Profile(Mdm.Engine.Reports.QualityProfile p)
    {
        static string P(double? share) => share is { } v ? (v * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " %" : "–";
        var t = new Table().Title("[bold]Data quality per source system[/]")
            .AddColumns("system", "records", "rejected", "duplicates", "shared", "invalid", "conflicts");
        foreach (var s in p.Systems.Append(p.Overall))
            t.AddRow(s == p.Overall ? $"[bold]{Markup.Escape(s.System)}[/]" : Markup.Escape(s.System), N(s.Records), N(s.RejectedRows),
                $"{N(s.DuplicateRecords)} ({P(s.DuplicateRate)})", $"{N(s.SharedGoldenCustomers)} of {N(s.GoldenCustomers)}",
                $"{N(s.RecordsWithInvalidValues)} ({P(s.InvalidRate)})", N(s.ConflictingGoldenCustomers));
        AnsiConsole.Write(t);
        foreach (var s in p.Systems)
        {
            // The fields the system fills worst among those it fills at all: what its owner should look at first; fields it
            // never fills are most likely not mapped and listed apart.
            var worst = s.Completeness.Where(c => c.Completeness < 1 && (c.Present > 0 || c.Usable > 0))
                .OrderBy(c => c.Completeness).Take(3).Select(c => $"{c.Field.Name} {P(c.Completeness)}").ToList();
            var absent = s.Completeness.Where(c => c.Applicable > 0 && c.Present == 0 && c.Usable == 0).Select(c => c.Field.Name).ToList();
            if (worst.Count == 0 && absent.Count == 0) continue;
            AnsiConsole.MarkupLine(Markup.Escape($"{s.System}: " + (worst.Count > 0 ? "least complete: " + string.Join(", ", worst) : "")
                                                 + (worst.Count > 0 && absent.Count > 0 ? "; " : "") + (absent.Count > 0 ? "never filled: " + string.Join(", ", absent) : "")));
        }
        var problems = p.Overall.InvalidValues.Take(5).Select(v => $"{v.Field}: {v.Description} {N(v.Count)}");
        if (p.Overall.InvalidValues.Count > 0) AnsiConsole.MarkupLine("Most frequent invalid values: " + Markup.Escape(string.Join("; ", problems)));
        var top = p.Provinces.Where(r => r.Code.Length > 0).Take(5).Select(r => $"{r.Name} {N(r.GoldenCustomers)}");
        AnsiConsole.MarkupLine(Markup.Escape($"{N(p.GoldenCustomers)} golden customers, {N(p.CrossSystemGoldenCustomers)} in several systems; most in " +
                                             string.Join(", ", top) + $". Profiled in {p.Seconds:0.0} s."));
    }

    private static string N(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
