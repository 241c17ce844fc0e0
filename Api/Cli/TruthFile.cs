using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Mdm.Api.Cli;

/// <summary>Labelled truth for evaluation: CSV with header system,key,entity (UTF-8).</summary>
public static class TruthFile
{
    public static Dictionary<string, string> Read(string path)
    {
        var truth = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant() });
        if (!csv.Read() || !csv.ReadHeader()) throw new FormatException($"{path}: empty truth file");
        foreach (var column in new[] { "system", "key", "entity" })
            if (csv.HeaderRecord is null || Array.FindIndex(csv.HeaderRecord, h => h.Trim().Equals(column, StringComparison.OrdinalIgnoreCase)) < 0)
                throw new FormatException($"{path}: header must have columns system,key,entity (found {string.Join(',', csv.HeaderRecord ?? [])})");
        while (csv.Read())
        {
            var system = csv.GetField("system");
            var key = csv.GetField("key");
            var entity = csv.GetField("entity");
            if (string.IsNullOrEmpty(system) || string.IsNullOrEmpty(key) || entity is null)
                throw new FormatException($"{path} line {csv.Parser.RawRow}: system, key and entity are required");
            truth[system + "/" + key] = entity;
        }
        return truth;
    }
}
