namespace Mdm.Engine.Resolution;

/// <summary>A link kept from a resolution run (compact: the pattern reproduces the explanation with the stored model).</summary>
public readonly record struct StoredLink(int RecordA, int RecordB, float Probability, float Weight, ulong Pattern, string Decision);
