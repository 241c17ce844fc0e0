namespace Mdm.Engine.Standardization.Addresses;

/// <summary>A division a name can denote, and whether the name is an abbreviation (深圳) rather than the full name (深圳市).</summary>
internal readonly record struct NameTarget(DivisionNode Node, bool IsShort);

/// <summary>One distinct name and every division it can denote (several when the name repeats, e.g. 鼓楼区 ×4).</summary>
internal sealed class NameEntry(string name, NameTarget[] targets)
{
    public string Name { get; } = name;
    public NameTarget[] Targets { get; } = targets;
}

/// <summary>
/// Immutable name index for left-to-right longest match: entries sorted by first character, then longest first,
/// so a lookup is one binary search for the first character followed by a short scan that can stop at the first
/// entry that matches. Used once for all provinces/cities/counties and once per county for its townships.
/// </summary>
internal sealed class DivisionNameTable
{
    private readonly char[] _firstChars;
    private readonly NameEntry[] _entries;

    private DivisionNameTable(char[] firstChars, NameEntry[] entries)
    {
        _firstChars = firstChars;
        _entries = entries;
    }

    public int Count => _entries.Length;

    /// <summary>Entries whose name starts with <paramref name="c"/>, longest first.</summary>
    public ReadOnlySpan<NameEntry> Candidates(char c)
    {
        char[] keys = _firstChars;
        int lo = 0, hi = keys.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < c) lo = mid + 1; else hi = mid;
        }
        int start = lo;
        while (lo < keys.Length && keys[lo] == c) lo++;
        return new ReadOnlySpan<NameEntry>(_entries, start, lo - start);
    }

    /// <summary>Builds a table from (name, node, isShort) triples; names shorter than 2 characters are ignored.</summary>
    public static DivisionNameTable Build(IEnumerable<(string Name, DivisionNode Node, bool IsShort)> names)
    {
        var byName = new Dictionary<string, List<NameTarget>>(StringComparer.Ordinal);
        foreach (var (name, node, isShort) in names)
        {
            if (name.Length < 2) continue;
            if (!byName.TryGetValue(name, out var list)) byName[name] = list = new List<NameTarget>(1);
            bool seen = false;
            for (int i = 0; i < list.Count; i++)
            {
                if (ReferenceEquals(list[i].Node, node))
                {
                    // The same node reached by a full and a short derivation: the full one wins.
                    if (list[i].IsShort && !isShort) list[i] = new NameTarget(node, false);
                    seen = true;
                    break;
                }
            }
            if (!seen) list.Add(new NameTarget(node, isShort));
        }
        var entries = new NameEntry[byName.Count];
        int n = 0;
        foreach (var kv in byName) entries[n++] = new NameEntry(kv.Key, kv.Value.ToArray());
        Array.Sort(entries, static (a, b) =>
        {
            int c = a.Name[0].CompareTo(b.Name[0]);
            if (c != 0) return c;
            c = b.Name.Length.CompareTo(a.Name.Length);
            return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
        });
        var first = new char[entries.Length];
        for (int i = 0; i < entries.Length; i++) first[i] = entries[i].Name[0];
        return new DivisionNameTable(first, entries);
    }
}
