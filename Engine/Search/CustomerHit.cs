namespace Mdm.Engine.Search;

/// <summary>One golden customer found: its ID, the Lucene score (exact look-ups score 1) and how it was found.</summary>
/// <param name="MatchedOn">"phone", "id_number", "golden_id" or "name"/"address"/"name+address".</param>
/// <param name="Names">The customer's names as its member records hold them (Simplified), for the agent to confirm.</param>
public sealed record CustomerHit(string GoldenId, float Score, string MatchedOn, IReadOnlyList<string> Names);
