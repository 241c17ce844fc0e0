using System.Collections.Frozen;

namespace Mdm.Engine.Standardization.Names;

/// <summary>
/// English given names and their short forms (Tony = Anthony, Bill = William), from the embedded
/// Resources/en/names/nicknames.txt. Two given names are variants when they share a group; a short form may belong to
/// several groups (Pat: Patrick and Patricia). Loaded once, lazily; safe to use from several threads.
/// </summary>
public static class EnglishNicknames
{
    private static readonly Lazy<FrozenDictionary<string, int[]>> Groups = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Number of distinct names (formal and short) the table knows.</summary>
    public static int NameCount => Groups.Value.Count;

    /// <summary>
    /// True when both given names are known and share a group. Only the first token counts ("john p" → "john"), case
    /// is ignored. Equal names are not variants of each other here: an exact agreement is a stronger level.
    /// </summary>
    public static bool AreVariants(string a, string b)
    {
        var ta = FirstToken(a);
        var tb = FirstToken(b);
        if (ta.IsEmpty || tb.IsEmpty || ta.Equals(tb, StringComparison.OrdinalIgnoreCase)) return false;
        var lookup = Groups.Value.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[Math.Max(ta.Length, tb.Length)];
        if (!TryGroups(lookup, ta, lower, out var ga) || !TryGroups(lookup, tb, lower, out var gb)) return false;
        foreach (var x in ga)
            foreach (var y in gb)
                if (x == y) return true;
        return false;
    }

    private static bool TryGroups(FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> lookup,
        ReadOnlySpan<char> token, Span<char> buffer, out int[] groups)
    {
        var lower = buffer[..token.Length];
        token.ToLowerInvariant(lower);
        if (lookup.TryGetValue(lower, out var found))
        {
            groups = found;
            return true;
        }
        groups = [];
        return false;
    }

    private static ReadOnlySpan<char> FirstToken(string value)
    {
        var span = value.AsSpan().Trim();
        var space = span.IndexOf(' ');
        return space < 0 ? span : span[..space];
    }

    private static FrozenDictionary<string, int[]> Load()
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        using var reader = new StreamReader(EmbeddedResource.Open("en/names/nicknames.txt"));
        var group = 0;
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            foreach (var name in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!groups.TryGetValue(name, out var list)) groups[name] = list = [];
                if (!list.Contains(group)) list.Add(group);
            }
            group++;
        }
        return groups.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }
}
