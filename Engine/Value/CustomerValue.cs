namespace Mdm.Engine.Value;

/// <summary>
/// What a golden customer is worth, over the transactions of all its source records in every system.
/// </summary>
/// <param name="LifetimeCents">Every transaction, dated or not.</param>
/// <param name="RecentCents">Transactions dated inside the recent window (the last "months" months up to "as_of"; 12 by default).</param>
/// <param name="FirstTransaction">Earliest transaction date (undated transactions aside); null without dated transactions.</param>
/// <param name="Tier">One of <see cref="CustomerTier"/>.</param>
public sealed record CustomerValue(string GoldenId, long LifetimeCents, long RecentCents, long TransactionCount, long RecentTransactions,
    DateOnly? FirstTransaction, DateOnly? LastTransaction, string Tier, long ComputedRun);
