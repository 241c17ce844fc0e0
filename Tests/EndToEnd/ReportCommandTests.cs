using Mdm.Tests.Reports;

namespace Mdm.Tests.EndToEnd;

/// <summary><c>mdm report</c> and <c>mdm profile</c> on <see cref="CraftedQualityData"/>: the files, the figures, and nothing from the data left unencoded.</summary>
[TestFixture]
public sealed class ReportCommandTests
{
    private string _dir = null!;
    private string _sources = null!;
    private string _store = null!;

    [OneTimeSetUp]
    public void Load()
    {
        _dir = EndToEnd.NewTempDirectory("report");
        (_sources, _store) = CraftedQualityData.Create(_dir);
    }

    [OneTimeTearDown]
    public void Delete() => EndToEnd.DeleteDirectory(_dir);

    [Test]
    public void Report_writes_a_self_contained_page_and_a_csv_per_table()
    {
        var outDir = Path.Combine(_dir, "out");
        var (exit, _, error) = EndToEnd.RunCliCapturingOutput("report", "--config", _sources, "--store", _store, "--out", outDir);
        Assert.That(exit, Is.Zero, error);
        string[] tables = ["systems", "completeness", "duplicates", "overlap", "invalid_values", "rejects", "conflicts",
                           "regions_province", "regions_city", "regions_county"];
        foreach (var t in tables) Assert.That(File.Exists(Path.Combine(outDir, t + ".csv")), t);

        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.That(html, Does.Contain("<svg"));
        Assert.That(html, Does.Not.Contain("<img").And.Not.Contain("<script").And.Not.Contain("<link").And.Not.Contain("url(").And.Not.Contain("@import"),
            "no bitmap, no script, nothing fetched");
        Assert.That(html, Does.Not.Match("(src|href)=\"(https?:)?//"), "no link off the page");
        // S4's address carries markup: encoded wherever it appears.
        Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
        // shop: 5 records, 2 duplicates (40.0 %), 2 rejected rows; 广东省 with one golden customer worth 150.50.
        Assert.That(html, Does.Contain("<td>shop</td><td class=\"n\">5</td>"));
        Assert.That(html, Does.Contain("40.0 %"));
        Assert.That(html, Does.Contain("广东省").And.Contain("150.50"));

        var systems = File.ReadAllLines(Path.Combine(outDir, "systems.csv"));
        Assert.That(systems[0], Does.StartWith("system,records,persons,organizations,rejected rows,golden customers,duplicates,duplicate %"));
        Assert.That(systems, Has.Some.StartsWith("shop,5,5,0,2,4,2,40.0,1,25.0,1,2,40.0,170.50"));
        Assert.That(systems, Has.Some.StartsWith("old,0,0,0,0,0,0,,"));
        // CSV is RFC 4180 (CRLF), and a key that a spreadsheet would run (@C3) is quoted away.
        var completeness = File.ReadAllText(Path.Combine(outDir, "completeness.csv"));
        Assert.That(completeness, Does.Contain("\r\n"));
        Assert.That(completeness, Does.Contain(",'@C3"));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "invalid_values.csv")), Does.Contain("S4: check character"));
    }

    [Test]
    public void Profile_prints_a_line_per_system()
    {
        var (exit, output, error) = EndToEnd.RunCliCapturingOutput("profile", "--config", _sources, "--store", _store);
        Assert.That(exit, Is.Zero, error);
        Assert.That(output, Does.Contain("shop").And.Contain("crm").And.Contain("old"));
        Assert.That(output, Does.Contain("2 (40.0 %)"), "shop's duplicates");
        Assert.That(output, Does.Contain("shop: least complete: birth_date 60.0 %, gender 60.0 %, national_id 60.0 %; never filled: email, postcode"));
        Assert.That(output, Does.Contain("广东省 1"));
    }
}
