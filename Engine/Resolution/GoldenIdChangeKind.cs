namespace Mdm.Engine.Resolution;

public enum GoldenIdChangeKind
{
    /// <summary>A new customer: <see cref="GoldenIdChange.GoldenId"/> minted for records that had no ID.</summary>
    Created,
    /// <summary><see cref="GoldenIdChange.GoldenId"/> minted for records that left <see cref="GoldenIdChange.Other"/>.</summary>
    SplitFrom,
    /// <summary><see cref="GoldenIdChange.GoldenId"/> retired into <see cref="GoldenIdChange.Other"/>, which it now redirects to.</summary>
    MergedInto,
}
