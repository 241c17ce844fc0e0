using Mdm.Api.Cli;
using Mdm.Engine.Resolution;

namespace Mdm.Tests.EndToEnd;

/// <summary>Keys a spreadsheet would run as formulas are exported as text; the store keeps them raw.</summary>
public class SafeExportTests
{
    [TestCase("=1+1", "'=1+1")]
    [TestCase("@SUM(1)", "'@SUM(1)")]
    [TestCase("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")")]
    [TestCase("+86", "'+86")]
    [TestCase("-5", "'-5")]
    [TestCase("\tTAB", "'\tTAB")]
    [TestCase("C123", "C123")]
    [TestCase("", "")]
    public void Cell(string raw, string exported) => Assert.That(SpreadsheetSafe.Cell(raw), Is.EqualTo(exported));

    [Test]
    public void Export_xref_neutralizes_formula_keys_and_keeps_the_raw_key_in_the_store()
    {
        var dir = EndToEnd.NewTempDirectory("safe-export");
        try
        {
            File.WriteAllText(Path.Combine(dir, "people.csv"),
                "id,name,phone\n\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",张伟,13812345678\n@SUM(1),李娜,13912345678\nC3,王芳,13712345678\n",
                EndToEnd.Utf8NoBom);
            File.WriteAllText(Path.Combine(dir, "sources.json"),
                """{ "sources": [ { "system": "s", "path": "people.csv", "key": "id", "fields": { "name": "name", "phone": "phone" } } ] }""");
            var sources = Path.Combine(dir, "sources.json");
            var store = Path.Combine(dir, "mdm.db");
            Assert.That(EndToEnd.RunCli("load", "--config", sources, "--store", store).ExitCode, Is.Zero);
            var output = Path.Combine(dir, "xref.csv");
            Assert.That(EndToEnd.RunCli("export", "xref", "--config", sources, "--store", store, "--out", output).ExitCode, Is.Zero);
            var text = File.ReadAllText(output);
            Assert.That(text, Does.Contain("s,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",G"), "quoted as RFC 4180 and prefixed");
            Assert.That(text, Does.Contain("s,'@SUM(1),G"));
            Assert.That(text, Does.Contain("s,C3,G"));
            Assert.That(EndToEnd.CrossReference(store).Keys, Does.Contain("s/@SUM(1)"), "the store keeps the raw key");
        }
        finally
        {
            EndToEnd.DeleteDirectory(dir);
        }
    }
}
