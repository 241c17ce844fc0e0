namespace Mdm.Engine.Pipeline;

/// <summary>Golden IDs are "G" and a zero-padded sequence: sortable, short enough to read out on the phone.</summary>
public static class GoldenIds
{
    public static string Format(long sequence) => "G" + sequence.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
}
