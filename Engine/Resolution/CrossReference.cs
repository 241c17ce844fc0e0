namespace Mdm.Engine.Resolution;

/// <summary>One line of the cross-reference: a source system's key and the golden customer it belongs to.</summary>
public sealed record CrossReference(string System, string Key, string GoldenId);
