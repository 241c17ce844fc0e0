using CsvHelper;

namespace Mdm.Api.Cli;

/// <summary>Labelled truth for evaluation: CSV with header system,key,entity (UTF-8).</summary>
public static class TruthFile
{
    public static Dictionary<string, string> Read(string path)
    {
        var truth = new Dictionary<string, string>(StringComparer.Ordinal);
        using var csv = CsvReader.Create(new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true),
            new CsvReaderOptions { HasHeader = true, SkipEmptyLines = true, TrimWhitespace = true, TrackLineNumbers = true }, leaveOpen: false);
        int Column(string name)
        {
            for (var i = 0; i < csv.Headers.Count; i++)
                if (csv.Headers[i].Trim().Trim('\uFEFF').Equals(name, StringComparison.OrdinalIgnoreCase)) return i;
            throw new FormatException($"{path}: header must have columns system,key,entity (found {string.Join(',', csv.Headers)})");
        }
        var s = Column("system");
        var k = Column("key");
        var e = Column("entity");
        while (csv.Read())
        {
            var system = csv.GetString(s);
            var key = csv.GetString(k);
            var entity = csv.GetString(e);
            if (system.Length == 0 || key.Length == 0 || entity.Length == 0)
                throw new FormatException($"{path} line {csv.LineNumber}: system, key and entity are required");
            truth[system + "/" + key] = entity;
        }
        return truth;
    }
}
