using Mdm.Connectors.Configuration;
using Mdm.Engine.Records;

namespace Mdm.Connectors.Reading;

/// <summary>Turns a cursor's rows into transactions. Keys repeat (a customer has many transactions); amounts must parse.</summary>
internal sealed class FileTransactionSource : FileRowSource<TransactionRow>, ITransactionSource
{
    private readonly TransactionSourceDefinition _source;
    private readonly TransactionPlan _plan;

    public FileTransactionSource(TransactionSourceDefinition source, TransactionPlan plan, RowCursor cursor)
        : base(source.System, cursor, plan.Slots.Count, plan.KeySlot)
    {
        _source = source;
        _plan = plan;
    }

    public IEnumerable<TransactionRow> ReadTransactions(CancellationToken cancellationToken = default) =>
        ReadRows($"the transactions of '{_source.Path}'", cancellationToken);

    protected override TransactionRow Build(string?[] values, long line)
    {
        var key = values[_plan.KeySlot];
        if (key is null) return Reject(Rejected(line, _source.Key, "missing key", null));

        var amountText = values[_plan.AmountSlot];
        if (amountText is null) return Reject(Rejected(line, _source.Amount, "missing amount", key));
        if (!ValueParsers.TryParseAmount(amountText, out var amount))
            return Reject(Rejected(line, _source.Amount, $"invalid amount '{amountText}'", key));

        DateOnly? date = null;
        if (_plan.DateSlot >= 0 && values[_plan.DateSlot] is { } dateText)
        {
            if (!ValueParsers.TryParseDate(dateText, _source.DateFormat, out var parsed))
            {
                var expected = _source.DateFormat is null ? "yyyy-MM-dd, yyyyMMdd or yyyy/MM/dd" : $"{_source.DateFormat}, yyyy-MM-dd, yyyyMMdd or yyyy/MM/dd";
                return Reject(Rejected(line, _source.Date, $"invalid date '{dateText}' (expected {expected})", key));
            }
            date = parsed;
        }
        return new TransactionRow(new SourceTransaction(_source.System, key, amount, date, line), null);
    }

    protected override TransactionRow Reject(RejectedRow rejected) => new(null, rejected);
}
