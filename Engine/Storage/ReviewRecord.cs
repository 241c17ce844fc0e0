using Mdm.Engine.Records;

namespace Mdm.Engine.Storage;

/// <summary>A source record as a steward sees it: where it comes from and its fields as the source gave them.</summary>
public sealed record ReviewRecord(int RecordId, string System, string Key, PartyKind Kind, IReadOnlyDictionary<string, string> Fields);
