using System.Globalization;
using System.Text.Json;
using Mdm.Engine.Storage;

namespace Mdm.Connectors;

/// <summary>
/// The highest value of a database source's watermark column that a committed load read, kept with its type so the next
/// pull's <c>WHERE watermark &gt; @last</c> parameter compares like with like (a PostgreSQL timestamp cannot be compared
/// with text). Stored in the store's key/value blobs under <c>watermark:&lt;system&gt;</c>.
/// </summary>
/// <param name="Type">integer, decimal, double, datetime, datetimeoffset, string or binary.</param>
/// <param name="Value">The value in invariant, round-trip form (base64 for binary).</param>
public sealed record Watermark(string Type, string Value)
{
    private static string KeyOf(string system) => "watermark:" + system;

    /// <summary>The watermark of a value read from a data reader.</summary>
    /// <exception cref="NotSupportedException">The column's type cannot serve as a watermark.</exception>
    public static Watermark FromValue(object value) => value switch
    {
        long or int or short or byte => new("integer", Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)),
        decimal m => new("decimal", m.ToString(CultureInfo.InvariantCulture)),
        double or float => new("double", Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)),
        DateTime d => new("datetime", d.ToString("o", CultureInfo.InvariantCulture)), // "o" keeps the Kind (Npgsql types by it)
        DateTimeOffset o => new("datetimeoffset", o.ToString("o", CultureInfo.InvariantCulture)),
        string s => new("string", s),
        byte[] b => new("binary", Convert.ToBase64String(b)), // e.g. SQL Server rowversion
        _ => throw new NotSupportedException($"a watermark column of type {value.GetType().Name} is not supported (use a number, a date/time, text or a rowversion)"),
    };

    /// <summary>The value to bind to the pull's parameter.</summary>
    public object ToParameterValue() => Type switch
    {
        "integer" => long.Parse(Value, CultureInfo.InvariantCulture),
        "decimal" => decimal.Parse(Value, CultureInfo.InvariantCulture),
        "double" => double.Parse(Value, CultureInfo.InvariantCulture),
        "datetime" => DateTime.Parse(Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        "datetimeoffset" => DateTimeOffset.Parse(Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        "binary" => Convert.FromBase64String(Value),
        _ => Value,
    };

    /// <summary>The watermark the last committed load of <paramref name="system"/> kept, or null (the next pull reads everything).</summary>
    public static Watermark? Load(IRunStore store, string system)
    {
        ArgumentNullException.ThrowIfNull(store);
        var bytes = store.LoadBlob(KeyOf(system));
        return bytes is null ? null : JsonSerializer.Deserialize<Watermark>(bytes);
    }

    /// <summary>Keeps <paramref name="watermark"/> for <paramref name="system"/>: call only once the load that read it has committed.</summary>
    public static void Save(IRunStore store, string system, Watermark watermark)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.SaveBlob(KeyOf(system), JsonSerializer.SerializeToUtf8Bytes(watermark));
    }
}
