namespace Mdm.Engine.Stewardship;

/// <summary>A pair a data steward should decide on.</summary>
public sealed record ReviewTask(long TaskId, int RecordA, int RecordB, string GoldenA, string GoldenB, double Probability,
    string Reason, string Explanation, string Status);
