using Mdm.Engine.Standardization.Text;

namespace Mdm.Tests.Standardization.Addresses.Properties;

/// <summary>
/// Simplified → Traditional for generating test input, the reverse of OpenCC's TSCharacters: each simplified character
/// becomes a traditional one whose default simplification is that character (one with no other reading first).
/// Crude next to OpenCC's s2t, but every character it writes converts back character by character.
/// </summary>
internal static class TraditionalScript
{
    private static readonly Lazy<Dictionary<char, char>> s_map = new(Build);

    public static string ToTraditional(string simplified)
    {
        var map = s_map.Value;
        var chars = simplified.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (map.TryGetValue(chars[i], out char t)) chars[i] = t;
        }
        return new string(chars);
    }

    private static Dictionary<char, char> Build()
    {
        var map = new Dictionary<char, char>();
        var single = new HashSet<char>();
        foreach ((string key, string[] values) in ZhResources.OpenCcEntries("TSCharacters.txt"))
        {
            if (key.Length != 1 || values[0].Length != 1 || key == values[0]) continue;
            char s = values[0][0];
            bool unambiguous = values.Length == 1;
            if (!map.ContainsKey(s) || (unambiguous && !single.Contains(s)))
            {
                map[s] = key[0];
                if (unambiguous) single.Add(s);
            }
        }
        return map;
    }
}
