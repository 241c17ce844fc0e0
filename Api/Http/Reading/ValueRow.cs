namespace Mdm.Api.Http.Reading;

/// <summary>A customer's stored value (cents) and tier.</summary>
public sealed record ValueRow(long LifetimeCents, long RecentCents, long TransactionCount, string? FirstTransaction, string? LastTransaction, string Tier);
