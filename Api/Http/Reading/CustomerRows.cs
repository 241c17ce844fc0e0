namespace Mdm.Api.Http.Reading;

/// <summary>The rows one customer view is built from (<see cref="HubReader.Customer"/>).</summary>
public sealed record CustomerRows(string CurrentId, GoldenRow Golden, ValueRow? Value, List<MemberRow>? Members, List<TransactionRow>? Transactions);
