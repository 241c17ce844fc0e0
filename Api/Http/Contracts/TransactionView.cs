namespace Mdm.Api.Http.Contracts;

/// <summary>One transaction as the source system recorded it, with the key it was recorded under.</summary>
public sealed record TransactionView(string System, string Key, decimal Amount, string? Date);
