namespace Mdm.Api.Http.Contracts;

/// <summary>The answers in request order, and how many keys were known.</summary>
public sealed record XrefBatchAnswer(IReadOnlyList<XrefAnswer> Results, int Found, int Missing);
