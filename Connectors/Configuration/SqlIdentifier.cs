using System.Text.RegularExpressions;

namespace Mdm.Connectors.Configuration;

/// <summary>
/// Table and column names that go into SQL: only plain identifiers (letters, digits, '_', optionally one "schema." prefix)
/// are accepted, and they are always quoted with the provider's quoting, so no text from the sources file is ever SQL.
/// </summary>
public static partial class SqlIdentifier
{
    [GeneratedRegex(@"^[\p{L}_][\p{L}\p{Nd}_]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainPart();

    /// <summary>Whether <paramref name="name"/> is a plain identifier (with <paramref name="qualified"/>, "schema.name" too).</summary>
    public static bool IsPlain(string name, bool qualified)
    {
        var parts = name.Split('.');
        if (parts.Length > (qualified ? 2 : 1)) return false;
        foreach (var part in parts)
            if (!PlainPart().IsMatch(part)) return false;
        return true;
    }

    /// <summary>The quoted form of a plain identifier: "name" (SQLite, PostgreSQL) or [name] (SQL Server), per part.</summary>
    public static string Quote(DatabaseProvider provider, string name)
    {
        if (!IsPlain(name, qualified: true)) throw new ArgumentException($"not a plain identifier: {name}", nameof(name));
        // Plain identifiers hold no quote characters, so wrapping each part is the whole of the quoting.
        return string.Join('.', name.Split('.').Select(part => provider == DatabaseProvider.SqlServer ? $"[{part}]" : $"\"{part}\""));
    }
}
