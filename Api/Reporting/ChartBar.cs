namespace Mdm.Api.Reporting;

/// <summary>One bar: its label, its length (any unit, scaled to the longest bar) and the text written beside it.</summary>
public sealed record ChartBar(string Label, double Value, string Text);
