namespace Mdm.Api.Http.Reading;

/// <summary>A source record of a golden customer, as stored.</summary>
public sealed record MemberRow(long RecordId, string System, string Key, string Fields, string? UpdatedAt, long Trust);
