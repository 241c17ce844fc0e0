using System.Globalization;
using System.Text;

namespace Mdm.Benchmarks.Generator;

/// <summary>
/// Payments beyond the counter's own, at the postal case's scale: on average <see cref="PerRecord"/> more per counter
/// and CRM record (so most customers pay through more than one system), written after the counter's own payments in
/// counter_txn.csv (a transaction file is a system's full extract: one file per system) and to crm_txn.csv. They draw from a random stream of their own, so the records (and the truth) stay exactly those of a
/// data set generated without them.
/// </summary>
internal sealed class ExtraPayments(double perRecord, int seed, TextWriter counter, TextWriter crm)
{
    public enum System { Counter, Crm }

    private static readonly DateTime Epoch = new(2020, 1, 1);
    private const int Days = 2192;

    private readonly Random _random = new(unchecked(seed * 1_000_003 + 17));
    private readonly StringBuilder _sb = new(64);

    public double PerRecord { get; } = perRecord;

    public long Written { get; private set; }

    public void Write(string key, System system)
    {
        // Exponentially distributed counts with the given mean: most customers a few payments, some many.
        var count = (int)Math.Min(200, Math.Round(-Math.Log(1.0 - _random.NextDouble()) * PerRecord));
        var writer = system == System.Counter ? counter : crm;
        for (var i = 0; i < count; i++)
        {
            var cents = (long)Math.Round(Math.Clamp(Math.Exp(Math.Log(80.0) + 1.8 * NextNormal()), 0.01, 200_000.0) * 100.0);
            _sb.Clear();
            _sb.Append(key).Append(',')
               .Append((cents / 100).ToString(CultureInfo.InvariantCulture)).Append('.').Append((cents % 100).ToString("D2", CultureInfo.InvariantCulture)).Append(',')
               .Append(Epoch.AddDays(_random.Next(Days)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteLine(_sb);
        }
        Written += count;
    }

    private double NextNormal() => Math.Sqrt(-2.0 * Math.Log(1.0 - _random.NextDouble())) * Math.Cos(2.0 * Math.PI * _random.NextDouble());
}
