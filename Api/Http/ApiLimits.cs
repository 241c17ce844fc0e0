namespace Mdm.Api.Http;

/// <summary>The "Mdm:Limits" section: how much one request may ask for.</summary>
public sealed class ApiLimits
{
    /// <summary>Largest request body (bytes).</summary>
    public long MaxRequestBytes { get; set; } = 1_048_576;

    /// <summary>Most keys in one cross-reference batch.</summary>
    public int MaxBatchKeys { get; set; } = 1_000;

    /// <summary>Most rows in one page of search hits, review tasks, change-feed events or audit rows.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>A page size asked for, or the default, checked against <see cref="MaxPageSize"/>.</summary>
    public int Page(int? asked, int fallback = 20) => asked switch
    {
        null => Math.Min(fallback, MaxPageSize),
        < 1 => throw new BadHttpRequestException("limit must be at least 1"),
        var n when n > MaxPageSize => throw new BadHttpRequestException($"limit must be at most {MaxPageSize}"),
        var n => n.Value,
    };
}
