namespace Mdm.Api.Http.Contracts;

/// <summary>Up to the configured batch size (1,000 by default) keys to look up at once.</summary>
/// <param name="IncludeCustomer">Also return each golden record (without its source records).</param>
public sealed record XrefBatchRequest(IReadOnlyList<SourceKey> Keys, bool IncludeCustomer = false);
