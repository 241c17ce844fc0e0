namespace Mdm.Api.Http.Reading;

/// <summary>A golden record as stored (fields and lineage as JSON).</summary>
public sealed record GoldenRow(string GoldenId, long Kind, string Fields, string Lineage, long MemberCount, string Systems);
