using Mdm.Engine.Resolution;

namespace Mdm.Engine.Storage.Postgres;

/// <summary>The PostgreSQL side of <see cref="IHistoryStore"/>.</summary>
public sealed partial class PostgresMdmStore
{
    public List<GoldenEventRow> ReadHistory(string goldenId)
    {
        // The ID itself and every ID that (transitively) redirects to it.
        var ids = Query<string>("""
            WITH RECURSIVE merged(golden_id) AS (
              SELECT @goldenId::text
              UNION SELECT g.golden_id FROM golden_ids g JOIN merged m ON g.redirect_to = m.golden_id)
            SELECT golden_id FROM merged
            """, new { goldenId }).ToArray();
        return Query<(long, string, string, long?, string, string, string, double?, string?, string?, string?)>("""
            SELECT event_id, golden_id, at, run_id, kind, cause, detail, probability, explanation, before_state, after_state
            FROM golden_events WHERE golden_id = ANY(@ids) ORDER BY event_id
            """, new { ids })
            .Select(e => new GoldenEventRow(e.Item1, e.Item2, e.Item3, e.Item4, e.Item5, e.Item6, e.Item7, e.Item8, e.Item9, e.Item10, e.Item11))
            .ToList();
    }
}
