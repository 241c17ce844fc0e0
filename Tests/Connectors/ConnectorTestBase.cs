using System.Text;
using Mdm.Connectors;
using Mdm.Connectors.Configuration;

namespace Mdm.Tests.Connectors;

/// <summary>Each test gets its own temp folder with its data files and sources.json; the folder is deleted afterwards.</summary>
public abstract class ConnectorTestBase
{
    protected static readonly Encoding Utf8NoBom = new UTF8Encoding(false);

    protected string Dir { get; private set; } = null!;

    [SetUp]
    public void CreateTempDir()
    {
        Dir = Path.Combine(Path.GetTempPath(), "mdm-connectors-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Dir);
    }

    [TearDown]
    public void DeleteTempDir()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // a reader left open by a failing test; the OS temp cleaner gets it
        }
    }

    protected static Encoding GetEncoding(string name) => TextEncodings.Resolve(name);

    protected void WriteText(string fileName, string text, Encoding? encoding = null) =>
        File.WriteAllText(Path.Combine(Dir, fileName), text, encoding ?? Utf8NoBom);

    protected void WriteBytes(string fileName, params byte[][] parts)
    {
        using var stream = File.Create(Path.Combine(Dir, fileName));
        foreach (var part in parts) stream.Write(part);
    }

    protected SourcesFile LoadSources(string json)
    {
        var path = Path.Combine(Dir, "sources.json");
        File.WriteAllText(path, json, Utf8NoBom);
        return SourcesFile.Load(path);
    }

    /// <summary>A sources file with one source (the given JSON object); reads all its rows.</summary>
    protected List<SourceRow> ReadSource(string sourceJson)
    {
        var file = LoadSources($$"""{ "sources": [ {{sourceJson}} ] }""");
        using var source = FileConnectors.OpenRecords(file.Sources[0], file);
        return source.ReadRecords().ToList();
    }

    protected static List<SourceRow> Accepted(List<SourceRow> rows) => rows.Where(r => r.Record is not null).ToList();

    protected static List<SourceRow> Rejected(List<SourceRow> rows) => rows.Where(r => r.Reject is not null).ToList();
}
