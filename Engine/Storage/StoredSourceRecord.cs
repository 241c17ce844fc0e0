using Mdm.Engine.Records;

namespace Mdm.Engine.Storage;

/// <summary>A source record as the store keeps it: its store id, its raw fields and what the sources file said of its system.</summary>
public sealed record StoredSourceRecord(int RecordId, SourceRecord Record, int Trust, string ContentHash);
