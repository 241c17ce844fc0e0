namespace Mdm.Api.Http.Reading;

/// <summary>One golden-ID event of the change feed; RedirectTo is set when the ID was merged into another.</summary>
public sealed record ChangeRow(long EventId, string GoldenId, string At, string Kind, string Cause, string Detail, string? RedirectTo);
