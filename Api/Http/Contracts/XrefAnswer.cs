namespace Mdm.Api.Http.Contracts;

/// <summary>The golden ID of one (system, key); <paramref name="GoldenId"/> null: the hub does not know the key.</summary>
public sealed record XrefAnswer(string System, string Key, string? GoldenId, CustomerView? Customer);
