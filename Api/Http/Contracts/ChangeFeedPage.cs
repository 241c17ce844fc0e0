namespace Mdm.Api.Http.Contracts;

/// <summary>
/// Golden-ID events after a cursor, oldest first. Pass <paramref name="Cursor"/> as <c>after</c> to read on;
/// <paramref name="More"/> says whether more events were waiting.
/// </summary>
public sealed record ChangeFeedPage(IReadOnlyList<Reading.ChangeRow> Events, long Cursor, bool More);
