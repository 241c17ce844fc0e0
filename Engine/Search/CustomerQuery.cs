namespace Mdm.Engine.Search;

/// <summary>
/// What a call-center agent typed. Exactly one way in is used, in this order: <see cref="Phone"/>, <see cref="IdNumber"/>,
/// <see cref="GoldenId"/>, else <see cref="Name"/> and/or <see cref="Address"/> (fuzzy), optionally within <see cref="City"/>.
/// </summary>
public sealed record CustomerQuery
{
    public const int MaxPageSize = 50;

    /// <summary>Any format: +86 138 0013 8000, 13800138000, 0086-138-0013-8000.</summary>
    public string? Phone { get; init; }
    /// <summary>National ID or unified social credit code; case, full-width digits and spaces do not matter.</summary>
    public string? IdNumber { get; init; }
    /// <summary>A golden ID, also a merged-away one (redirects are followed).</summary>
    public string? GoldenId { get; init; }
    /// <summary>Person or company name, any script (张伟, 張偉, "Wei Zhang").</summary>
    public string? Name { get; init; }
    /// <summary>Address words (深圳科技园): every word must occur in one of the customer's addresses.</summary>
    public string? Address { get; init; }
    /// <summary>Restricts name/address searches to customers with an address in this city or district (深圳, 深圳市, 南山区).</summary>
    public string? City { get; init; }
    /// <summary>Hits wanted, at most <see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = 20;
}
