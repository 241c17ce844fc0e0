using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Mdm.Engine.Records;

namespace Mdm.Engine.Storage;

/// <summary>
/// The SQLite side of <see cref="ISourceRecordStore"/>. The bulk paths (upsert, retire, rejects, transactions) and the
/// full read of active records keep prepared, reused commands: they are what a 1M-record load measures.
/// </summary>
public sealed partial class SqliteMdmStore
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
        foreach (var (system, trust, json, fullExtract) in Query<(string, int, string, bool)>("SELECT system, trust, field_formats, full_extract FROM systems"))
            result[system] = SystemProfileColumns.Read(system, trust, json, fullExtract);
        return result;
    }

    public Dictionary<string, RecordState> LoadRecordStates(string system)
    {
        // A full extract has a million keys: a raw reader (see Query).
        var result = new Dictionary<string, RecordState>(StringComparer.Ordinal);
        using var cmd = NewCommand();
        cmd.CommandText = "SELECT source_key, record_id, content_hash, retired_run IS NOT NULL FROM source_records WHERE system=$s";
        cmd.Parameters.AddWithValue("$s", system);
        using var r = cmd.ExecuteReader();
        while (r.Read()) result[r.GetString(0)] = new RecordState(r.GetInt32(1), r.GetString(2), r.GetBoolean(3));
        return result;
    }

    // On every real-time resolve: a raw reader, as Dapper cost ~10 µs a call here (measured; see Query).
    public RecordState? LoadRecordState(string system, string key)
    {
        using var cmd = NewCommand();
        cmd.CommandText = "SELECT record_id, content_hash, retired_run IS NOT NULL FROM source_records WHERE system=$s AND source_key=$k";
        cmd.Parameters.AddWithValue("$s", system);
        cmd.Parameters.AddWithValue("$k", key);
        using var r = cmd.ExecuteReader();
        return r.Read() ? new RecordState(r.GetInt32(0), r.GetString(1), r.GetBoolean(2)) : null;
    }

    public int[] UpsertSourceRecords(IReadOnlyList<(SourceRecord Record, int Trust, int ExistingId)> records, long runId)
    {
        var ids = new int[records.Count];
        // Hashes and JSON on all cores; the loops below only bind values.
        var json = new string[records.Count];
        var readFindings = new string?[records.Count];
        void Prepare(int i)
        {
            json[i] = FieldsJson.Serialize(records[i].Record.Fields);
            var findings = records[i].Record.ReadFindings;
            readFindings[i] = findings.Count == 0 ? null : JsonSerializer.Serialize(findings, StoreJson.Options);
            _ = records[i].Record.ContentHash;
        }
        // A real-time resolve writes one record: not worth waking the thread pool for.
        if (records.Count < 64) for (var i = 0; i < records.Count; i++) Prepare(i);
        else Parallel.For(0, records.Count, Prepare);
        using var tx = BeginWrite();
        for (var i = 0; i < records.Count; i++) ids[i] = records[i].ExistingId;
        var next = 0;
        using (var max = NewCommand())
        {
            max.Transaction = tx;
            max.CommandText = "SELECT COALESCE(MAX(record_id), 0) FROM source_records";
            next = Convert.ToInt32(max.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        using var insert = NewCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO source_records(record_id, system, source_key, kind, content_hash, fields, trust, line, updated_at, first_run, last_run, retired_run, read_findings)
            VALUES ($id, $system, $key, $kind, $hash, $fields, $trust, $line, $updated, $run, $run, NULL, $findings)
            """;
        using var update = NewCommand();
        update.Transaction = tx;
        update.CommandText = """
            UPDATE source_records SET kind=$kind, content_hash=$hash, fields=$fields, trust=$trust, line=$line,
              updated_at=$updated, last_run=$run, retired_run=NULL, read_findings=$findings WHERE record_id=$id
            """;
        SqliteParameter[] Bind(SqliteCommand cmd)
        {
            var p = new[]
            {
                cmd.Parameters.Add("$id", SqliteType.Integer), cmd.Parameters.Add("$system", SqliteType.Text),
                cmd.Parameters.Add("$key", SqliteType.Text), cmd.Parameters.Add("$kind", SqliteType.Integer),
                cmd.Parameters.Add("$hash", SqliteType.Text), cmd.Parameters.Add("$fields", SqliteType.Text),
                cmd.Parameters.Add("$trust", SqliteType.Integer), cmd.Parameters.Add("$line", SqliteType.Integer),
                cmd.Parameters.Add("$updated", SqliteType.Text), cmd.Parameters.Add("$findings", SqliteType.Text),
            };
            cmd.Parameters.AddWithValue("$run", runId);
            return p;
        }
        var ins = Bind(insert);
        var upd = Bind(update);
        // UPDATE has no $system/$key: drop them so the prepared statement's parameters match its text.
        update.Parameters.Remove(upd[1]);
        update.Parameters.Remove(upd[2]);
        insert.Prepare();
        update.Prepare();
        for (var i = 0; i < records.Count; i++)
        {
            var (rec, trust, _) = records[i];
            var isNew = ids[i] < 0;
            if (isNew) ids[i] = ++next;
            var p = isNew ? ins : upd;
            p[0].Value = ids[i];
            p[1].Value = rec.System;
            p[2].Value = rec.Key;
            p[3].Value = (int)rec.Kind;
            p[4].Value = rec.ContentHash;
            p[5].Value = json[i];
            p[6].Value = trust;
            p[7].Value = rec.Line;
            p[8].Value = rec.UpdatedAt is { } u ? u.ToString("O", CultureInfo.InvariantCulture) : DBNull.Value;
            p[9].Value = (object?)readFindings[i] ?? DBNull.Value;
            (isNew ? insert : update).ExecuteNonQuery();
        }
        SetMeta("resolution_pending", "1");
        tx.Commit();
        return ids;
    }

    public void RetireRecords(IReadOnlyList<int> recordIds, long runId)
    {
        if (recordIds.Count == 0) return;
        using var tx = BeginWrite();
        Bulk(tx, "UPDATE source_records SET retired_run=$run WHERE record_id=$1 AND retired_run IS NULL", recordIds, (id, v) => v[0] = id, ("$run", runId));
        SetMeta("resolution_pending", "1");
        tx.Commit();
    }

    public IEnumerable<StoredSourceRecord> ReadActiveRecords(Func<int, bool>? include = null)
    {
        using var cmd = NewCommand();
        cmd.CommandText = "SELECT record_id, system, source_key, kind, fields, trust, line, updated_at, content_hash, read_findings FROM source_records WHERE retired_run IS NULL ORDER BY record_id";
        using var r = cmd.ExecuteReader();
        // The id is checked before the fields are parsed: a resolution reads back only what it has not standardized.
        while (r.Read())
            if (include is null || include(r.GetInt32(0))) yield return StoredSourceRecord.Read(r);
    }

    public int CountActiveRecords() => Scalar<int>("SELECT COUNT(*) FROM source_records WHERE retired_run IS NULL");

    public List<(int RecordId, bool Retired)> ReadChangedSince(long run) =>
        Query<(int, bool)>("SELECT record_id, retired_run IS NOT NULL FROM source_records WHERE last_run > @run OR retired_run > @run ORDER BY record_id", new { run })
            .AsList();

    public List<StoredSourceRecord> ReadRecords(IReadOnlyCollection<int> recordIds, bool includeRetired = false)
    {
        var result = new List<StoredSourceRecord>(recordIds.Count);
        var active = includeRetired ? "" : "retired_run IS NULL AND ";
        foreach (var r in ForIdChunks("SELECT record_id, system, source_key, kind, fields, trust, line, updated_at, content_hash, read_findings FROM source_records WHERE " + active + "record_id IN ({ids})", recordIds))
            while (r.Read()) result.Add(StoredSourceRecord.Read(r));
        result.Sort((a, b) => a.RecordId.CompareTo(b.RecordId));
        return result;
    }

    public void AddRejects(IReadOnlyList<RejectedRow> rejects, long runId)
    {
        if (rejects.Count == 0) return;
        using var tx = BeginWrite();
        Bulk(tx, "INSERT INTO rejects(run_id, system, line, field, reason, raw_text, source_key) VALUES ($run, $1, $2, $3, $4, $5, $6)",
            rejects, (r, v) => { v[0] = r.System; v[1] = r.Line; v[2] = r.Field; v[3] = r.Reason; v[4] = r.RawText; v[5] = r.Key; }, ("$run", runId));
        tx.Commit();
    }

    public void ReplaceTransactions(string system, IReadOnlyList<SourceTransaction> transactions, long runId)
    {
        using var tx = BeginWrite();
        Bulk(tx, "DELETE FROM transactions WHERE system=$1", [system], (s, v) => v[0] = s);
        Bulk(tx, "INSERT INTO transactions(system, source_key, amount_cents, txn_date, line, run_id) VALUES ($s, $1, $2, $3, $4, $run)",
            transactions, (t, v) =>
            {
                v[0] = t.CustomerKey;
                v[1] = (long)decimal.Round(t.Amount * 100m, MidpointRounding.AwayFromZero);
                v[2] = t.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                v[3] = t.Line;
            }, ("$s", system), ("$run", runId));
        tx.Commit();
    }
}
