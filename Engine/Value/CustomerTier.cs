namespace Mdm.Engine.Value;

/// <summary>
/// The tiers of the customer pyramid, as stored in <c>customer_values.tier</c>. Ranked by recent value: the top share is
/// <see cref="Super"/>, then <see cref="Large"/>, <see cref="Medium"/>, and the rest <see cref="Small"/>; customers whose
/// history has nothing in the recent window are <see cref="Inactive"/>, customers with no transaction at all
/// <see cref="Prospect"/>.
/// </summary>
public static class CustomerTier
{
    public const string Super = "super";
    public const string Large = "large";
    public const string Medium = "medium";
    public const string Small = "small";
    public const string Inactive = "inactive";
    public const string Prospect = "prospect";

    /// <summary>Every tier, from the top of the pyramid down (the order summaries print them in).</summary>
    public static readonly IReadOnlyList<string> All = [Super, Large, Medium, Small, Inactive, Prospect];
}
