namespace Mdm.Engine.Value;

/// <summary>One transaction of a golden customer, with the source record it was booked on.</summary>
public sealed record CustomerTransaction(string System, string SourceKey, long AmountCents, DateOnly? Date);
