namespace Mdm.Api.Reporting;

/// <summary>Example keys of one problem: all of them in the CSV, the first few on the page (the rest would bury the figures).</summary>
public readonly record struct Examples(IReadOnlyList<string> Items)
{
    public const int OnPage = 3;

    public string Csv => string.Join("; ", Items);

    public override string ToString() =>
        Items.Count <= OnPage ? string.Join("; ", Items) : string.Join("; ", Items.Take(OnPage)) + $"; … {Items.Count - OnPage} more in the CSV";
}
