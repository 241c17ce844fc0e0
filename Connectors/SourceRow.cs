using Mdm.Engine.Records;

namespace Mdm.Connectors;

/// <summary>
/// One data row of a source: exactly one of <see cref="Record"/> and <see cref="Reject"/> is set. Every data row of a
/// file yields exactly one <see cref="SourceRow"/> (blank lines are not data rows), so rows in = accepted + rejected.
/// </summary>
/// <param name="Record">The record, when the row could be read and mapped.</param>
/// <param name="Reject">Why the row could not become a record, when it could not.</param>
/// <param name="Deleted">True when the source's deleted-flag column marks the record deleted: <see cref="Record"/> is then a tombstone.</param>
public readonly record struct SourceRow(SourceRecord? Record, RejectedRow? Reject, bool Deleted = false)
{
    /// <summary>Whether the row became a record (possibly a tombstone).</summary>
    public bool IsAccepted => Record is not null;
}

/// <summary>One data row of a transaction file: exactly one of <see cref="Transaction"/> and <see cref="Reject"/> is set.</summary>
public readonly record struct TransactionRow(SourceTransaction? Transaction, RejectedRow? Reject)
{
    /// <summary>Whether the row became a transaction.</summary>
    public bool IsAccepted => Transaction is not null;
}

/// <summary>An open source of customer records (one file). Read it once, then dispose it.</summary>
public interface IRecordSource : IDisposable
{
    /// <summary>The source system the records belong to.</summary>
    string System { get; }

    /// <summary>
    /// The rows in file order, streamed (nothing is held but the keys seen, for the duplicate check). Can be enumerated once.
    /// </summary>
    IEnumerable<SourceRow> ReadRecords(CancellationToken cancellationToken = default);
}

/// <summary>An open source of transactions (one file). Read it once, then dispose it.</summary>
public interface ITransactionSource : IDisposable
{
    /// <summary>The source system whose customer keys the transactions carry.</summary>
    string System { get; }

    /// <summary>The rows in file order, streamed. Can be enumerated once.</summary>
    IEnumerable<TransactionRow> ReadTransactions(CancellationToken cancellationToken = default);
}
