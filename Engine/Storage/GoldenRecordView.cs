using Mdm.Engine.Records;

namespace Mdm.Engine.Storage;

/// <summary>A golden record's stored fields and lineage (JSON as in <c>golden_records</c>).</summary>
public sealed record GoldenRecordView(string GoldenId, PartyKind Kind, IReadOnlyDictionary<string, string> Fields, string LineageJson,
    int MemberCount, IReadOnlyList<string> Systems, long UpdatedRun);
