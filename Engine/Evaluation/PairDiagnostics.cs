using Mdm.Engine.Candidates;
using Mdm.Engine.Pipeline;
using Mdm.Engine.Scoring;
using Mdm.Engine.Standardization;
using Mdm.Engine.Storage;

namespace Mdm.Engine.Evaluation;

/// <summary>Scores pairs of stored records with the store's own model, as its last resolution saw them.</summary>
public static class PairDiagnostics
{
    /// <param name="pairs">"system/key" pairs.</param>
    public static List<PairDiagnosis> Diagnose(IMdmStore store, MatchingConfiguration matching, IReadOnlyList<(string A, string B)> pairs,
        RecordStandardizer? standardizer = null)
    {
        if (StoredScorer.Load(store, matching, out var whyNot) is not var (scorer, _))
            throw new InvalidOperationException($"the store at {store.Location} cannot explain its pairs: {whyNot}");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (a, b) in pairs) { names.Add(a); names.Add(b); }
        var byName = Standardize(store, names, standardizer);
        var keys = new BlockingKeyBuilder(matching);
        var keysOf = new Dictionary<int, HashSet<string>>();
        foreach (var r in byName.Values)
        {
            var list = new List<string>();
            keys.AddKeys(r, list);
            keysOf[r.Id] = list.ToHashSet(StringComparer.Ordinal);
        }
        var result = new List<PairDiagnosis>(pairs.Count);
        foreach (var (a, b) in pairs)
        {
            if (!byName.TryGetValue(a, out var ra) || !byName.TryGetValue(b, out var rb))
            {
                result.Add(new PairDiagnosis(a, b, false, null, Found: false));
                continue;
            }
            // Records of two kinds are never compared: no blocking key is shared across kinds.
            var explanation = ra.Kind == rb.Kind ? scorer.Explain(ra, rb) : null;
            result.Add(new PairDiagnosis(a, b, keysOf[ra.Id].Overlaps(keysOf[rb.Id]), explanation));
        }
        return result;
    }

    /// <summary>The active records named "system/key", standardized as a resolution would; names not found are left out.</summary>
    public static Dictionary<string, StandardizedRecord> Standardize(ISourceRecordStore store, IEnumerable<string> names, RecordStandardizer? standardizer = null)
    {
        standardizer ??= new RecordStandardizer();
        var ids = new Dictionary<int, string>();
        foreach (var name in names)
        {
            var slash = name.IndexOf('/');
            var state = slash < 0 ? null : store.LoadRecordState(name[..slash], name[(slash + 1)..]);
            if (state is { Retired: false } s) ids[s.RecordId] = name;
        }
        var profiles = store.LoadSystemProfiles();
        var stored = store.ReadRecords(ids.Keys.ToList());
        var records = new StandardizedRecord[stored.Count];
        Parallel.For(0, stored.Count, i =>
        {
            var s = stored[i];
            var std = standardizer.Standardize(s.Record, profiles.GetValueOrDefault(s.Record.System));
            std.Id = s.RecordId;
            std.Trust = s.Trust;
            records[i] = std;
        });
        var result = new Dictionary<string, StandardizedRecord>(StringComparer.Ordinal);
        foreach (var r in records) result[ids[r.Id]] = r;
        return result;
    }
}
