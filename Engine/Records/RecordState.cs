namespace Mdm.Engine.Records;

/// <summary>What the store knows of a source key before a load: to tell new, changed and unchanged records apart.</summary>
public readonly record struct RecordState(int RecordId, string ContentHash, bool Retired);
