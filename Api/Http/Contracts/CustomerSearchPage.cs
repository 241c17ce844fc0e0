namespace Mdm.Api.Http.Contracts;

/// <summary>Search hits, best first, one page at most.</summary>
public sealed record CustomerSearchPage(IReadOnlyList<CustomerHitView> Hits);
