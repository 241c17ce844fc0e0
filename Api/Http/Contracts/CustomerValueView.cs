namespace Mdm.Api.Http.Contracts;

/// <summary>
/// A customer's value across every system, in yuan: lifetime, the last months the sources file's "value" window names
/// (12 by default), the transaction count, first and last transaction, and the tier (super, large, medium, small,
/// inactive, prospect).
/// </summary>
public sealed record CustomerValueView(decimal Lifetime, decimal Last12Months, long TransactionCount, string? FirstTransaction, string? LastTransaction,
    string Tier);
