using System.Globalization;

namespace Mdm.Engine.Storage.Postgres;

/// <summary>The PostgreSQL side of <see cref="IRunStore"/>: the runs table, and meta and blobs as key-value rows.</summary>
public sealed partial class PostgresMdmStore
{
    public long BeginRun(string command, string? configuration, bool bulk = true) =>
        Scalar<long>("INSERT INTO runs(command, configuration, started_at, status) VALUES (@command, @configuration, @at, 'running') RETURNING run_id",
            new { command, configuration, at = Now() });

    public void FinishRun(long runId, string status, string summaryJson) =>
        Write("UPDATE runs SET finished_at=@at, status=@status, summary=@summaryJson WHERE run_id=@runId", new { at = Now(), status, summaryJson, runId });

    public bool ResolutionPending
    {
        get => GetMeta("resolution_pending") == "1";
        set => SetMeta("resolution_pending", value ? "1" : "0");
    }

    public long ResolvedRun => long.TryParse(GetMeta("resolved_run"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 0;

    public string? IndexEpoch => GetMeta("index_epoch");

    private string? GetMeta(string key) => Scalar<string>("SELECT value FROM meta WHERE key=@key", new { key });

    private void SetMeta(string key, string value) =>
        Write("INSERT INTO meta(key, value) VALUES (@key, @value) ON CONFLICT(key) DO UPDATE SET value=excluded.value", new { key, value });

    public string? LoadModel() => GetMeta("model");

    public void SaveModel(string json, long runId)
    {
        using var tx = BeginWrite();
        SetMeta("model", json);
        SetMeta("model_run", runId.ToString(CultureInfo.InvariantCulture));
        tx.Commit();
    }

    public byte[]? LoadBlob(string key) => Scalar<byte[]>("SELECT value FROM blobs WHERE key=@key", new { key });

    public void SaveBlob(string key, byte[] value) =>
        Write("INSERT INTO blobs(key, value) VALUES (@key, @value) ON CONFLICT(key) DO UPDATE SET value=excluded.value", new { key, value });
}
