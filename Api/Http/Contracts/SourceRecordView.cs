namespace Mdm.Api.Http.Contracts;

/// <summary>One source record of a customer as the system holds it (identifiers masked for agents).</summary>
public sealed record SourceRecordView(string System, string Key, IReadOnlyDictionary<string, string?> Fields, string? UpdatedAt);
