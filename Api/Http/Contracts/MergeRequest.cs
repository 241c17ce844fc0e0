namespace Mdm.Api.Http.Contracts;

/// <summary>Join two golden customers: the older ID survives, the other redirects to it.</summary>
public sealed record MergeRequest(string GoldenA, string GoldenB, string? Note = null);
