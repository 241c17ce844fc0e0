using Mdm.Engine.Resolution;

namespace Mdm.Engine.Stewardship;

/// <summary>What a steward decision changed: the golden IDs the records now have, and the events written.</summary>
public sealed record StewardResult(IReadOnlyList<string> GoldenIds, IReadOnlyList<GoldenEvent> Events);
