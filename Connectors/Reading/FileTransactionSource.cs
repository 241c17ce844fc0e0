using Mdm.Connectors.Configuration;
using Mdm.Engine.Records;

namespace Mdm.Connectors.Reading;

/// <summary>Turns a cursor's rows into transactions. Keys repeat (a customer has many transactions); amounts must parse.</summary>
internal sealed class FileTransactionSource : ITransactionSource
{
    private readonly TransactionSourceDefinition _source;
    private readonly TransactionPlan _plan;
    private readonly RowCursor _cursor;
    private bool _started;

    public FileTransactionSource(TransactionSourceDefinition source, TransactionPlan plan, RowCursor cursor)
    {
        _source = source;
        _plan = plan;
        _cursor = cursor;
    }

    public string System => _source.System;

    public IEnumerable<TransactionRow> ReadTransactions(CancellationToken cancellationToken = default)
    {
        if (_started) throw new InvalidOperationException($"the transactions of '{_source.Path}' have already been read; open it again to re-read");
        _started = true;
        return Read(cancellationToken);
    }

    private IEnumerable<TransactionRow> Read(CancellationToken cancellationToken)
    {
        var values = new string?[_plan.Slots.Count];
        while (_cursor.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = _cursor.Line;
            if (_cursor.ProblemReason is { } problem)
            {
                var field = _cursor.ProblemField;
                string? key = null;
                if (_cursor.CanReadValues && _cursor.ReadValues(values)) key = values[_plan.KeySlot]; // for the reject only
                yield return Reject(line, field, problem, key);
                continue;
            }
            if (!_cursor.ReadValues(values))
            {
                yield return Reject(line, _cursor.ProblemField, _cursor.ProblemReason!, null);
                continue;
            }
            yield return Build(values, line);
        }
    }

    private TransactionRow Build(string?[] values, long line)
    {
        var key = values[_plan.KeySlot];
        if (key is null) return Reject(line, _source.Key, "missing key", null);

        var amountText = values[_plan.AmountSlot];
        if (amountText is null) return Reject(line, _source.Amount, "missing amount", key);
        if (!ValueParsers.TryParseAmount(amountText, out var amount))
            return Reject(line, _source.Amount, $"invalid amount '{amountText}'", key);

        DateOnly? date = null;
        if (_plan.DateSlot >= 0 && values[_plan.DateSlot] is { } dateText)
        {
            if (!ValueParsers.TryParseDate(dateText, _source.DateFormat, out var parsed))
            {
                var expected = _source.DateFormat is null ? "yyyy-MM-dd, yyyyMMdd or yyyy/MM/dd" : $"{_source.DateFormat}, yyyy-MM-dd, yyyyMMdd or yyyy/MM/dd";
                return Reject(line, _source.Date, $"invalid date '{dateText}' (expected {expected})", key);
            }
            date = parsed;
        }
        return new TransactionRow(new SourceTransaction(_source.System, key, amount, date, line), null);
    }

    private TransactionRow Reject(long line, string? field, string reason, string? key) =>
        new(null, new RejectedRow(_source.System, line, field, reason, _cursor.RawText, key));

    public void Dispose() => _cursor.Dispose();
}
