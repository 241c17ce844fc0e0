using Mdm.Engine.Resolution;

namespace Mdm.Engine.Storage;

/// <summary>The SQLite side of <see cref="IHistoryStore"/>.</summary>
public sealed partial class SqliteMdmStore
{
    public List<GoldenEventRow> ReadHistory(string goldenId)
    {
        // The ID itself and every ID that (transitively) redirects to it.
        var ids = new List<string> { goldenId };
        var seen = new HashSet<string>(StringComparer.Ordinal) { goldenId };
        for (var i = 0; i < ids.Count; i++)
            foreach (var merged in Query<string>("SELECT golden_id FROM golden_ids WHERE redirect_to=@id", new { id = ids[i] }))
                if (seen.Add(merged)) ids.Add(merged);
        var result = QueryChunked<(long, string, string, long?, string, string, string, double?, string?, string?, string?), string>("""
            SELECT event_id, golden_id, at, run_id, kind, cause, detail, probability, explanation, before_state, after_state
            FROM golden_events WHERE golden_id IN @ids
            """, ids)
            .Select(e => new GoldenEventRow(e.Item1, e.Item2, e.Item3, e.Item4, e.Item5, e.Item6, e.Item7, e.Item8, e.Item9, e.Item10, e.Item11))
            .ToList();
        result.Sort((a, b) => a.EventId.CompareTo(b.EventId));
        return result;
    }
}
