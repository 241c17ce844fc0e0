namespace Mdm.Engine.Resolution;

/// <summary>A change in a golden customer's life: created, merged, split, members changed.</summary>
/// <param name="Cause">What made the change: "load", "realtime" or "steward:&lt;name&gt;" (with the steward's note in <paramref name="Detail"/>).</param>
/// <param name="Probability">For a change the scorer caused: the match probability of the deciding pair.</param>
/// <param name="Explanation">For a change the scorer caused: that pair's <c>MatchExplanation</c> as JSON.</param>
/// <param name="Before">Members before the change as JSON ({"goldenId":…,"records":["system/key",…]}), when there were any.</param>
/// <param name="After">Members after the change, same form.</param>
public sealed record GoldenEvent(string GoldenId, string Kind, string Cause, string Detail, double? Probability = null,
    string? Explanation = null, string? Before = null, string? After = null);
