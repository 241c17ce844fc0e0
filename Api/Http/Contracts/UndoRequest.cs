namespace Mdm.Api.Http.Contracts;

/// <summary>Undo the last steward action on a customer (a merge, a split, a link or separation, a review decision).</summary>
public sealed record UndoRequest(string GoldenId, string? Note = null);
