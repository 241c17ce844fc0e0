using Mdm.Engine.Records;

namespace Mdm.Engine.Pipeline;

/// <summary>What a connector hands the engine for each source row: a record, a reject, or a record the source flags as deleted.</summary>
public readonly record struct IngestItem(SourceRecord? Record, RejectedRow? Reject, bool Deleted = false);

/// <summary>A stage's progress, for progress bars on long loads.</summary>
public readonly record struct ProgressUpdate(string Stage, long Done, long Total);
