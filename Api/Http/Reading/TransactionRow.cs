namespace Mdm.Api.Http.Reading;

/// <summary>A stored transaction (cents) and the source key it belongs to.</summary>
public sealed record TransactionRow(string System, string Key, long AmountCents, string? Date);
