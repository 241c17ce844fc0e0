namespace Mdm.Api.Http.Contracts;

/// <summary>
/// A golden customer: the surviving fields, every system and key that knows them, and (when computed) their value, tier
/// and last transactions. <paramref name="RequestedId"/> is set when the request named an ID merged into this one.
/// </summary>
public sealed record CustomerView(string GoldenId, string Kind, IReadOnlyDictionary<string, string?> Fields, IReadOnlyList<string> Systems,
    IReadOnlyList<SourceRecordView> Records, string? RequestedId = null, System.Text.Json.JsonElement? Lineage = null,
    CustomerValueView? Value = null, IReadOnlyList<TransactionView>? Transactions = null);
