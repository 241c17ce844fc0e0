namespace Mdm.Api.Http.Contracts;

/// <summary>A source record's identity: the system it lives in and its key there.</summary>
public sealed record SourceKey(string System, string Key);
