namespace Mdm.Engine.Records;

/// <summary>A customer's transaction in a source system; summed per golden customer for value and tiers.</summary>
public sealed record SourceTransaction(string System, string CustomerKey, decimal Amount, DateOnly? Date, long Line);
