namespace Mdm.Engine.Stewardship;

/// <summary>A steward's decision on two source records: keep them together (link) or apart (separate), on every later run.</summary>
public sealed record StewardDecision(int RecordA, int RecordB, bool Link, string DecidedBy, string? Note);
