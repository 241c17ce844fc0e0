namespace Mdm.Tests.EndToEnd;

/// <summary>Splits a generated data set into its first half (a first extract) and the rest (what arrives later).</summary>
internal static class DatasetHalves
{
    /// <summary>Copies the data set keeping the first half of every record file's rows; returns "system/key" of the rows left out.</summary>
    public static HashSet<string> WriteFirstHalf(string from, string to)
    {
        Directory.CreateDirectory(to);
        var restDir = to + "-rest";
        Directory.CreateDirectory(restDir);
        File.Copy(Path.Combine(from, "sources.json"), Path.Combine(restDir, "sources.json"));
        var sources = Mdm.Connectors.Configuration.SourcesFile.Load(Path.Combine(from, "sources.json"));
        var restSources = Mdm.Connectors.Configuration.SourcesFile.Load(Path.Combine(restDir, "sources.json"));
        var left = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(from))
        {
            var name = Path.GetFileName(file);
            var source = sources.Sources.FirstOrDefault(s => s.Path == name);
            if (source is null || name == "sources.json")
            {
                File.Copy(file, Path.Combine(to, name));
                continue;
            }
            // Lines as bytes: the files are GB18030, UTF-8 with BOM and UTF-8; no field of the generated data spans lines.
            var bytes = File.ReadAllBytes(file);
            var lines = Split(bytes);
            var header = source.Format == Mdm.Connectors.Configuration.SourceFormat.JsonLines ? 0 : 1;
            var rows = lines.Count - header;
            var keep = header + rows / 2;
            using (var output = File.Create(Path.Combine(to, name)))
                for (var i = 0; i < keep; i++) output.Write(lines[i]);
            // The keys left out, read back through the connector from a file of just those rows.
            using (var output = File.Create(Path.Combine(restDir, name)))
            {
                if (header == 1) output.Write(lines[0]);
                for (var i = keep; i < lines.Count; i++) output.Write(lines[i]);
            }
            using var connector = Mdm.Connectors.FileConnectors.OpenRecords(restSources.Sources.Single(s => s.System == source.System), restSources);
            foreach (var row in connector.ReadRecords()) if (row.Record is { } r) left.Add(r.System + "/" + r.Key);
        }
        File.Copy(Path.Combine(from, "sources.json"), Path.Combine(to, "sources.json"), overwrite: true);
        return left;
    }

    private static List<byte[]> Split(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
            if (bytes[i] == (byte)'\n') { lines.Add(bytes[start..(i + 1)]); start = i + 1; }
        if (start < bytes.Length) lines.Add(bytes[start..]);
        return lines;
    }

}
