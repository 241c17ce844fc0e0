namespace Mdm.Engine.Reports;

/// <summary>
/// Customers of one division: source records whose own address lies there, golden customers whose surviving address lies
/// there, and those golden customers' transaction value. Code "" is the row of customers with no recognised division.
/// </summary>
public sealed class RegionCount(string level, string code, string name, string parentName)
{
    /// <summary>"province", "city" or "county".</summary>
    public string Level { get; } = level;

    /// <summary>GB/T 2260 six-digit code (110000, 440300, 440305); "" for unknown.</summary>
    public string Code { get; } = code;

    public string Name { get; } = name;

    /// <summary>The enclosing divisions' names ("广东省 深圳市"), "" for a province.</summary>
    public string ParentName { get; } = parentName;

    public long Records { get; internal set; }
    public long GoldenCustomers { get; internal set; }

    /// <summary>Sum of the transaction amounts of the golden customers' records, in cents.</summary>
    public long TransactionCents { get; internal set; }
}
