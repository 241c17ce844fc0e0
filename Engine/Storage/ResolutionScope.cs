namespace Mdm.Engine.Storage;

/// <summary>
/// What an incremental resolution replaces: the cross-reference, links, open review tasks and findings of
/// <see cref="RecordIds"/> and the golden records of <see cref="GoldenIds"/>. Everything else stays as it is, byte for byte.
/// </summary>
/// <param name="RecordIds">Records re-resolved (including records retired since the last resolution).</param>
/// <param name="GoldenIds">Golden IDs those records had before.</param>
public sealed record ResolutionScope(IReadOnlyCollection<int> RecordIds, IReadOnlyCollection<string> GoldenIds);
