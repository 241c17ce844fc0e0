namespace Mdm.Engine.Reports;

/// <summary>How many records (or golden customers) have one kind of problem, with the first few keys so an owner can fix them.</summary>
public sealed class ProblemCount
{
    public ProblemCount(string field, string code, string description)
    {
        Field = field;
        Code = code;
        Description = description;
    }

    /// <summary>Canonical field, or "record" for a problem of the whole row (rejects).</summary>
    public string Field { get; }

    /// <summary>Stable code ("invalid_checksum", "unresolved_division", "no_street", …) or the reject reason's category.</summary>
    public string Code { get; }

    public string Description { get; }

    public long Count { get; private set; }

    /// <summary>Up to the profile's example limit, in the order met (store order: golden ID, then system and key).</summary>
    public List<string> Examples { get; } = [];

    internal void Add(string example, int limit)
    {
        Count++;
        if (Examples.Count < limit) Examples.Add(example);
    }
}
