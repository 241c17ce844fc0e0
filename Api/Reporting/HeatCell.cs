namespace Mdm.Api.Reporting;

/// <summary>One heat-map cell: the share that sets its colour (null: not applicable, left blank) and the text written in it.</summary>
public sealed record HeatCell(double? Share, string Text);
