using Mdm.Connectors;
using Mdm.Engine.Records;

namespace Mdm.Tests.Connectors;

[TestFixture]
public sealed class TransactionConnectorTests : ConnectorTestBase
{
    private List<TransactionRow> ReadTransactions(string transactionJson)
    {
        WriteText("counter.csv", "客户编号,客户名称\nC1,张三\n");
        var file = LoadSources($$"""
            { "sources": [ { "system": "counter", "path": "counter.csv", "key": "客户编号", "fields": { "name": "客户名称" } } ],
              "transactions": [ {{transactionJson}} ] }
            """);
        using var source = FileConnectors.OpenTransactions(file.Transactions[0], file);
        Assert.That(source.System, Is.EqualTo("counter"));
        return source.ReadTransactions().ToList();
    }

    [Test]
    public void Gb18030_transactions_with_good_and_bad_amounts()
    {
        WriteText("counter_txn.csv",
            "客户编号,金额,交易日期\r\n" +
            "C1,1234.50,2024-03-01\r\n" +
            "C1,\"1,234.50\",20240302\r\n" +
            "C2,¥88,2024/03/03\r\n" +
            "C2,１２３．５０,２０２４－０３－０４\r\n" +
            "C3,abc,2024-03-05\r\n" +
            "C3,,2024-03-06\r\n" +
            ",12.00,2024-03-07\r\n" +
            "C4,-15.5,\r\n" +
            "C4,10,2024-13-45\r\n",
            GetEncoding("gb18030"));
        var rows = ReadTransactions("""
            { "system": "counter", "path": "counter_txn.csv", "encoding": "gb18030", "key": "客户编号", "amount": "金额", "date": "交易日期" }
            """);

        Assert.That(rows, Has.Count.EqualTo(9));
        var accepted = rows.Where(r => r.Transaction is not null).Select(r => r.Transaction!).ToList();
        Assert.That(accepted.Select(t => (t.CustomerKey, t.Amount)), Is.EqualTo(new[]
        {
            ("C1", 1234.50m), ("C1", 1234.50m), ("C2", 88m), ("C2", 123.50m), ("C4", -15.5m),
        }), "a customer's key repeats: no duplicate rule for transactions");
        Assert.That(accepted.Select(t => t.Date), Is.EqualTo(new DateOnly?[]
        {
            new(2024, 3, 1), new(2024, 3, 2), new(2024, 3, 3), new(2024, 3, 4), null,
        }));
        Assert.That(accepted[0].System, Is.EqualTo("counter"));
        Assert.That(accepted[0].Line, Is.EqualTo(2));

        var rejects = rows.Where(r => r.Reject is not null).Select(r => r.Reject!).ToList();
        Assert.That(rejects.Select(r => (r.Line, r.Field, r.Reason)), Is.EqualTo(new[]
        {
            (6L, (string?)"金额", "invalid amount 'abc'"),
            (7L, "金额", "missing amount"),
            (8L, "客户编号", "missing key"),
            (10L, "交易日期", "invalid date '2024-13-45' (expected yyyy-MM-dd, yyyyMMdd or yyyy/MM/dd)"),
        }));
        Assert.That(rejects[0].Key, Is.EqualTo("C3"));
    }

    [Test]
    public void A_date_format_is_tried_first()
    {
        WriteText("t.csv", "k,amt,d\nC1,5,03/01/2024\nC1,6,2024-03-02\n");
        var rows = ReadTransactions("""{ "system": "counter", "path": "t.csv", "key": "k", "amount": "amt", "date": { "column": "d", "format": "MM/dd/yyyy" } }""");
        Assert.That(rows.Select(r => r.Transaction!.Date), Is.EqualTo(new DateOnly?[] { new(2024, 3, 1), new(2024, 3, 2) }));
    }

    [Test]
    public void Json_lines_transactions()
    {
        WriteText("t.jsonl", "{\"k\": \"C1\", \"amt\": 12.5, \"d\": \"2024-03-01 10:00:00\"}\n{\"k\": \"C1\", \"amt\": \"x\"}\nnope\n");
        var rows = ReadTransactions("""{ "system": "counter", "path": "t.jsonl", "key": "k", "amount": "amt", "date": "d" }""");
        Assert.That(rows[0].Transaction, Is.EqualTo(new SourceTransaction("counter", "C1", 12.5m, new DateOnly(2024, 3, 1), 1)));
        Assert.That(rows[1].Reject!.Reason, Is.EqualTo("invalid amount 'x'"));
        Assert.That(rows[2].Reject!.Reason, Does.StartWith("invalid JSON"));
    }

    [Test]
    public void A_missing_amount_column_fails_at_open()
    {
        WriteText("counter.csv", "客户编号,客户名称\nC1,张三\n");
        WriteText("t.csv", "k,amount\nC1,5\n");
        var file = LoadSources("""
            { "sources": [ { "system": "counter", "path": "counter.csv", "key": "客户编号", "fields": { "name": "客户名称" } } ],
              "transactions": [ { "system": "counter", "path": "t.csv", "key": "k", "amount": "金额" } ] }
            """);
        var ex = Assert.Throws<Mdm.Connectors.Configuration.SourcesFileException>(() => FileConnectors.OpenTransactions(file.Transactions[0], file));
        Assert.That(ex!.Message, Does.Contain("transaction source 'counter': column '金额' (amount) is not in the header"));
    }
}
