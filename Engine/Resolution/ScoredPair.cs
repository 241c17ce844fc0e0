namespace Mdm.Engine.Resolution;

/// <summary>A scored candidate pair, by positions in the run's record array.</summary>
public readonly record struct ScoredPair(int A, int B, float Probability);
