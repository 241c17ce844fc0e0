namespace Mdm.Engine.Storage;

/// <summary>A rejected row or line as a load stored it.</summary>
public sealed record StoredReject(long RunId, string System, long? Line, string? Field, string Reason, string? RawText, string? Key);
