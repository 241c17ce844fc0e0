using Dapper;
using System.Globalization;
using System.Text.Json;
using Mdm.Engine.Records;
using Npgsql;

namespace Mdm.Engine.Storage.Postgres;

/// <summary>The PostgreSQL side of <see cref="ISourceRecordStore"/>: new records and rejects by COPY, changed ones through a staging table.</summary>
public sealed partial class PostgresMdmStore
{
    public void SaveSystemProfile(SystemProfile profile, long runId)
    {
        Write("""
            INSERT INTO systems(system, trust, field_formats, full_extract, updated_run) VALUES (@System, @Trust, @formats, @full, @runId)
            ON CONFLICT(system) DO UPDATE SET trust=excluded.trust, field_formats=excluded.field_formats,
              full_extract=excluded.full_extract, updated_run=excluded.updated_run
            """, new { profile.System, profile.Trust, formats = SystemProfileColumns.FormatsJson(profile), full = profile.FullExtract ? 1 : 0, runId });
    }

    public IReadOnlyDictionary<string, SystemProfile> LoadSystemProfiles()
    {
        var result = new Dictionary<string, SystemProfile>(StringComparer.Ordinal);
        foreach (var (system, trust, json, fullExtract) in Query<(string, int, string, bool)>("SELECT system, trust, field_formats, full_extract <> 0 FROM systems"))
            result[system] = SystemProfileColumns.Read(system, trust, json, fullExtract);
        return result;
    }

    public Dictionary<string, RecordState> LoadRecordStates(string system)
    {
        var result = new Dictionary<string, RecordState>(StringComparer.Ordinal);
        using var cmd = NewCommand("SELECT source_key, record_id, content_hash, retired_run IS NOT NULL FROM source_records WHERE system=@s");
        cmd.Parameters.AddWithValue("s", system);
        using var r = cmd.ExecuteReader();
        while (r.Read()) result[r.GetString(0)] = new RecordState(r.GetInt32(1), r.GetString(2), r.GetBoolean(3));
        return result;
    }

    public RecordState? LoadRecordState(string system, string key) =>
        Query<(int Id, string Hash, bool Retired)>(
            "SELECT record_id, content_hash, retired_run IS NOT NULL FROM source_records WHERE system=@system AND source_key=@key", new { system, key })
            .Select(s => (RecordState?)new RecordState(s.Id, s.Hash, s.Retired)).FirstOrDefault();

    public int[] UpsertSourceRecords(IReadOnlyList<(SourceRecord Record, int Trust, int ExistingId)> records, long runId)
    {
        var ids = new int[records.Count];
        var json = new string[records.Count];
        var readFindings = new string?[records.Count];
        void Prepare(int i)
        {
            json[i] = FieldsJson.Serialize(records[i].Record.Fields);
            var findings = records[i].Record.ReadFindings;
            readFindings[i] = findings.Count == 0 ? null : JsonSerializer.Serialize(findings, StoreJson.Options);
            _ = records[i].Record.ContentHash;
        }
        if (records.Count < 64) for (var i = 0; i < records.Count; i++) Prepare(i);
        else Parallel.For(0, records.Count, Prepare);
        var fresh = new List<int>();
        var changed = new List<int>();
        for (var i = 0; i < records.Count; i++)
        {
            ids[i] = records[i].ExistingId;
            (ids[i] < 0 ? fresh : changed).Add(i);
        }
        using var tx = BeginWrite();
        if (fresh.Count > 0)
        {
            // Ids from a sequence, not MAX+1: writers of another process draw from the same one.
            var drawn = Query<int>("SELECT nextval('record_ids')::integer FROM generate_series(1, @n) ORDER BY 1", new { n = fresh.Count }).AsList();
            for (var j = 0; j < fresh.Count; j++) ids[fresh[j]] = drawn[j];
        }
        void Row(NpgsqlBinaryImporter w, int i)
        {
            var (rec, trust, _) = records[i];
            Int(w, ids[i]); Text(w, rec.System); Text(w, rec.Key); Int(w, (int)rec.Kind); Text(w, rec.ContentHash); Text(w, json[i]);
            Int(w, trust); Long(w, rec.Line); Text(w, rec.UpdatedAt?.ToString("O", CultureInfo.InvariantCulture)); Text(w, readFindings[i]);
        }
        const string columns = "record_id, system, source_key, kind, content_hash, fields, trust, line, updated_at, read_findings";
        if (fresh.Count > 0)
        {
            Write(StagedRecords);
            Copy("staged_records", columns, fresh, Row);
            Write($"INSERT INTO source_records({columns}, first_run, last_run) SELECT {columns}, @runId, @runId FROM staged_records", new { runId });
            Write("DROP TABLE staged_records");
        }
        if (changed.Count > 0)
        {
            Write(StagedRecords);
            Copy("staged_records", columns, changed, Row);
            Write("""
                UPDATE source_records s SET kind=c.kind, content_hash=c.content_hash, fields=c.fields, trust=c.trust, line=c.line,
                  updated_at=c.updated_at, last_run=@runId, retired_run=NULL, read_findings=c.read_findings
                FROM staged_records c WHERE s.record_id = c.record_id
                """, new { runId });
            Write("DROP TABLE staged_records");
        }
        SetMeta("resolution_pending", "1");
        tx.Commit();
        return ids;
    }

    private const string StagedRecords = """
        CREATE TEMP TABLE staged_records(record_id integer, system text, source_key text, kind integer, content_hash text, fields text,
          trust integer, line bigint, updated_at text, read_findings text) ON COMMIT DROP
        """;

    public void RetireRecords(IReadOnlyList<int> recordIds, long runId)
    {
        if (recordIds.Count == 0) return;
        using var tx = BeginWrite();
        Write("UPDATE source_records SET retired_run=@runId WHERE record_id = ANY(@ids) AND retired_run IS NULL", new { runId, ids = recordIds.ToArray() });
        SetMeta("resolution_pending", "1");
        tx.Commit();
    }

    public IEnumerable<StoredSourceRecord> ReadActiveRecords(Func<int, bool>? include = null)
    {
        using var cmd = NewCommand($"SELECT {StoredSourceRecord.Columns} FROM source_records WHERE retired_run IS NULL ORDER BY record_id");
        using var r = cmd.ExecuteReader();
        while (r.Read())
            if (include is null || include(r.GetInt32(0))) yield return StoredSourceRecord.Read(r);
    }

    public int CountActiveRecords() => Scalar<int>("SELECT COUNT(*)::integer FROM source_records WHERE retired_run IS NULL");

    public List<(int RecordId, bool Retired)> ReadChangedSince(long run) =>
        Query<(int, bool)>("SELECT record_id, retired_run IS NOT NULL FROM source_records WHERE last_run > @run OR retired_run > @run ORDER BY record_id", new { run })
            .AsList();

    public List<StoredSourceRecord> ReadRecords(IReadOnlyCollection<int> recordIds, bool includeRetired = false)
    {
        var result = new List<StoredSourceRecord>(recordIds.Count);
        if (recordIds.Count == 0) return result;
        using var cmd = NewCommand($"SELECT {StoredSourceRecord.Columns} FROM source_records WHERE {(includeRetired ? "" : "retired_run IS NULL AND ")}record_id = ANY(@ids) ORDER BY record_id");
        cmd.Parameters.AddWithValue("ids", recordIds.ToArray());
        using var r = cmd.ExecuteReader();
        while (r.Read()) result.Add(StoredSourceRecord.Read(r));
        return result;
    }

    public void AddRejects(IReadOnlyList<RejectedRow> rejects, long runId)
    {
        if (rejects.Count == 0) return;
        using var tx = BeginWrite();
        Copy("rejects", "run_id, system, line, field, reason, raw_text, source_key", rejects, (w, r) =>
        {
            Long(w, runId); Text(w, r.System); Long(w, r.Line); Text(w, r.Field); Text(w, r.Reason); Text(w, r.RawText); Text(w, r.Key);
        });
        tx.Commit();
    }

    public void ReplaceTransactions(string system, IReadOnlyList<SourceTransaction> transactions, long runId)
    {
        using var tx = BeginWrite();
        Write("DELETE FROM transactions WHERE system=@system", new { system });
        Copy("transactions", "system, source_key, amount_cents, txn_date, line, run_id", transactions, (w, t) =>
        {
            Text(w, system); Text(w, t.CustomerKey); Long(w, (long)decimal.Round(t.Amount * 100m, MidpointRounding.AwayFromZero));
            Text(w, t.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); Long(w, t.Line); Long(w, runId);
        });
        tx.Commit();
    }
}
