namespace Mdm.Engine.Reports;

/// <summary>Golden customers whose member records disagree on one field, with examples ("G000000012: 1980-01-02 | 1980-02-01").</summary>
public sealed class ConflictCount(string field, string description)
{
    public string Field { get; } = field;
    public string Description { get; } = description;
    public long GoldenCustomers { get; private set; }
    public List<string> Examples { get; } = [];

    internal void Add(string example, int limit)
    {
        GoldenCustomers++;
        if (Examples.Count < limit) Examples.Add(example);
    }
}
